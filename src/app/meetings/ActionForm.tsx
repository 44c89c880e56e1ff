import { useState, type FormEvent } from 'react';
import type { Membership } from '../../domain/sets/membership';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { useDraftText } from './useDraftText';

interface ActionFormProps {
  readonly meetingId: string;
  readonly roundId: string;
  /** Who the action can be for (the facilitator chooses); null: only the person writing. */
  readonly owners: readonly Pick<Membership, 'userId' | 'displayName'>[] | null;
  readonly defaultOwnerId: string;
}

const TEXT_MISSING = 'Say what will be done.';

/** An action agreed in a round: what, who, by when. Added in one tap, the box empties for the next. */
export function ActionForm({ meetingId, roundId, owners, defaultOwnerId }: ActionFormProps) {
  const repositories = useRepositories();
  const draft = useDraftText(`meeting-action:${roundId}`);
  const [ownerId, setOwnerId] = useState(defaultOwnerId);
  const [dueOn, setDueOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const idPrefix = `action-${roundId}`;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (draft.text.trim() === '') {
      setProblem(TEXT_MISSING);
      return;
    }
    try {
      await repositories.meetings.addAction({ meetingId, roundId, assigneeId: ownerId, text: draft.text, dueOn: dueOn || null });
      draft.setText('');
      setDueOn('');
      setProblem(null);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  return (
    <form className="action-form" aria-label="Add an action" noValidate onSubmit={(event) => void add(event)}>
      <Field id={`${idPrefix}-text`} label={owners ? 'New action' : 'New action for me'} error={problem ?? undefined}>
        <input
          id={`${idPrefix}-text`}
          type="text"
          autoComplete="off"
          value={draft.text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy(`${idPrefix}-text`, undefined, problem ?? undefined)}
          onChange={(event) => draft.setText(event.target.value)}
        />
      </Field>
      <div className="action-form__row">
        {owners ? (
          <Field id={`${idPrefix}-owner`} label="Owner">
            <select id={`${idPrefix}-owner`} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
              {owners.map((owner) => (
                <option key={owner.userId} value={owner.userId}>
                  {owner.displayName}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id={`${idPrefix}-due`} label="Due date">
          <input id={`${idPrefix}-due`} type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} />
        </Field>
        <button type="submit" className="button">
          Add action
        </button>
      </div>
    </form>
  );
}
