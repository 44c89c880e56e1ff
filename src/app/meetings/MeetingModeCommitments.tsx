import { toIsoDate } from '../../domain/dates';
import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';
import { dueText } from './meetingText';
import { MeetingText } from './MeetingText';
import type { SetPeople } from './useSetPeople';

/** Before closing: every action agreed, read back with its owner and date, and the shared learning. */
export function MeetingModeCommitments({ meeting, actions, people }: { readonly meeting: Meeting; readonly actions: readonly MeetingAction[]; readonly people: SetPeople }) {
  const today = toIsoDate(new Date());
  const owners = [...new Set(actions.map((action) => action.assigneeId))].sort((a, b) => people.nameOf(a).localeCompare(people.nameOf(b)));
  return (
    <>
      <h2>Commitments</h2>
      <p className="muted">Read them back: what each person will do, and by when.</p>
      {actions.length === 0 ? <p>No actions agreed yet. Go back to a round to add one.</p> : (
      <table className="data commitments">
        <caption className="visually-hidden">Actions agreed at this meeting</caption>
        <thead>
          <tr>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">By when</th>
          </tr>
        </thead>
        <tbody>
          {owners.flatMap((owner) =>
            actions
              .filter((action) => action.assigneeId === owner)
              .map((action) => (
                <tr key={action.id}>
                  <td>{people.nameOf(owner)}</td>
                  <td>{action.text}</td>
                  <td>{dueText(action, today)}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      )}
      <MeetingText key={`learning-${meeting.id}`} meeting={meeting} field="sharedLearning" editable large />
    </>
  );
}
