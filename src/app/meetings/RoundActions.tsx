import { toIsoDate } from '../../domain/dates';
import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';
import type { MeetingRound } from '../../domain/sets/meetingRound';
import { ActionForm } from './ActionForm';
import { ActionItem } from './ActionItem';
import type { SetPeople } from './useSetPeople';

interface RoundActionsProps {
  readonly meeting: Meeting;
  /** null for actions that belong to no round. */
  readonly round: MeetingRound | null;
  readonly actions: readonly MeetingAction[];
  readonly people: SetPeople;
}

/** The actions agreed in a round and, for the facilitator or the presenter, a box to add one. */
export function RoundActions({ meeting, round, actions, people }: RoundActionsProps) {
  const today = toIsoDate(new Date());
  const mine = round !== null && round.presenterId === people.me;
  return (
    <div className="round-actions">
      <h5>Actions agreed</h5>
      {actions.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="action-list">
          {actions.map((action) => (
            <ActionItem key={action.id} action={action} people={people} today={today} />
          ))}
        </ul>
      )}
      {round && people.isFacilitator ? (
        <ActionForm meetingId={meeting.id} roundId={round.id} owners={people.participants} defaultOwnerId={round.presenterId} />
      ) : null}
      {round && mine && !people.isFacilitator ? (
        <ActionForm meetingId={meeting.id} roundId={round.id} owners={null} defaultOwnerId={people.me} />
      ) : null}
    </div>
  );
}
