import type { MeetingRound } from '../../domain/sets/meetingRound';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import type { RoundFieldSpec } from './roundFields';
import { useAutosavedFields } from './useAutosavedFields';

interface RoundEditorProps {
  readonly round: MeetingRound;
  /** The fields this person may write here, in order. */
  readonly fields: readonly RoundFieldSpec[];
  readonly large?: boolean;
}

/** A round's writing, saved to the device as it is typed. */
export function RoundEditor({ round, fields, large = false }: RoundEditorProps) {
  const repositories = useRepositories();
  const { values, setField, state, error } = useAutosavedFields(
    { update: round.update, questions: round.questions, suggestions: round.suggestions, memberNotes: round.memberNotes },
    (changes) => repositories.meetings.updateRound(round.id, changes),
  );
  return (
    <div className="round-editor">
      {fields.map(({ name, label, hint }) => {
        const id = `round-${round.id}-${name}`;
        return (
          <Field key={name} id={id} label={label} hint={hint}>
            <textarea
              id={id}
              className={large ? 'textarea--large' : undefined}
              value={values[name]}
              aria-describedby={describedBy(id, hint)}
              onChange={(event) => setField(name, event.target.value)}
            />
          </Field>
        );
      })}
      <SavedIndicator state={state} error={error} />
    </div>
  );
}
