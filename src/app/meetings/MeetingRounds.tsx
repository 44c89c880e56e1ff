import { useState } from 'react';
import type { Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { Field } from '../ui/Field';
import { RoundActions } from './RoundActions';
import { RoundNotes } from './RoundNotes';
import type { SetPeople } from './useSetPeople';

/** A round per member, in presenting order, then actions that belong to no round. */
export function MeetingRounds({ meeting, people }: { readonly meeting: Meeting; readonly people: SetPeople }) {
  const data = useLive(
    async (repositories) => ({
      rounds: await repositories.meetings.listRounds(meeting.id),
      actions: await repositories.meetings.listActions(meeting.id),
    }),
    [meeting.id],
  );
  if (!data) return null;
  const roundIds = new Set(data.rounds.map((round) => round.id));
  const loose = data.actions.filter((action) => action.roundId === null || !roundIds.has(action.roundId));
  const presenters = new Set(data.rounds.map((round) => round.presenterId));
  const withoutRound = people.participants.filter((m) => !presenters.has(m.userId));

  return (
    <section aria-labelledby={`${meeting.id}-rounds`}>
      <h3 id={`${meeting.id}-rounds`}>Rounds</h3>
      {data.rounds.length === 0 ? <p className="muted">No rounds yet.</p> : null}
      {data.rounds.map((round) => (
        <RoundNotes
          key={round.id}
          meeting={meeting}
          round={round}
          people={people}
          actions={data.actions.filter((action) => action.roundId === round.id)}
        />
      ))}
      {loose.length > 0 ? (
        <section aria-labelledby={`${meeting.id}-other-actions`} className="round">
          <h4 id={`${meeting.id}-other-actions`}>Other actions</h4>
          <RoundActions meeting={meeting} round={null} actions={loose} people={people} />
        </section>
      ) : null}
      {people.isFacilitator && withoutRound.length > 0 ? <AddRound meetingId={meeting.id} candidates={withoutRound} /> : null}
    </section>
  );
}

/** A round for someone who came late or joined the set after the meeting was started. */
function AddRound({ meetingId, candidates }: { meetingId: string; candidates: SetPeople['participants'] }) {
  const repositories = useRepositories();
  const [presenterId, setPresenterId] = useState(candidates[0]?.userId ?? '');
  const chosen = candidates.some((m) => m.userId === presenterId) ? presenterId : (candidates[0]?.userId ?? '');
  const id = `${meetingId}-add-round`;
  return (
    <div className="input-with-action add-round">
      <Field id={id} label="Add a round for">
        <select id={id} value={chosen} onChange={(event) => setPresenterId(event.target.value)}>
          {candidates.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" className="button" onClick={() => void repositories.meetings.addRound(meetingId, chosen)}>
        Add round
      </button>
    </div>
  );
}
