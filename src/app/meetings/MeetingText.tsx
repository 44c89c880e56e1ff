import type { Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosavedFields } from './useAutosavedFields';

type MeetingTextField = 'checkIn' | 'sharedLearning';

const WORDS: Record<MeetingTextField, { label: string; hint: string }> = {
  checkIn: { label: 'Check-in', hint: 'How everyone is arriving — a line or two each.' },
  sharedLearning: { label: 'Shared learning points', hint: 'What the set learned together today.' },
};

interface MeetingTextProps {
  readonly meeting: Meeting;
  readonly field: MeetingTextField;
  /** The facilitator writes it; members read it. */
  readonly editable: boolean;
  readonly large?: boolean;
}

/** The check-in or the shared learning: written by the facilitator as the set speaks. */
export function MeetingText({ meeting, field, editable, large = false }: MeetingTextProps) {
  const { label, hint } = WORDS[field];
  if (!editable) {
    return (
      <section className="meeting-text" aria-labelledby={`${meeting.id}-${field}`}>
        <h3 id={`${meeting.id}-${field}`}>{label}</h3>
        {meeting[field] ? <p className="prose">{meeting[field]}</p> : <p className="muted">Not written</p>}
      </section>
    );
  }
  return <MeetingTextEditor meeting={meeting} field={field} label={label} hint={hint} large={large} />;
}

function MeetingTextEditor({ meeting, field, label, hint, large }: { meeting: Meeting; field: MeetingTextField; label: string; hint: string; large: boolean }) {
  const repositories = useRepositories();
  const id = `${meeting.id}-${field}`;
  const { values, setField, state, error } = useAutosavedFields({ text: meeting[field] }, (changes) =>
    changes.text === undefined ? Promise.resolve() : repositories.meetings.updateMeeting(meeting.id, { [field]: changes.text }),
  );
  return (
    <div className="meeting-text">
      <Field id={id} label={label} hint={hint}>
        <textarea
          id={id}
          className={large ? 'textarea--large' : undefined}
          value={values.text}
          aria-describedby={describedBy(id, hint)}
          onChange={(event) => setField('text', event.target.value)}
        />
      </Field>
      <SavedIndicator state={state} error={error} />
    </div>
  );
}
