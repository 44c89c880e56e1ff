import { formatUkDate, toIsoDate } from '../../domain/dates';
import type { Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { dueText } from './meetingText';
import type { SetPeople } from './useSetPeople';

/**
 * At the top of the set's newest meeting: actions still open from earlier meetings, oldest
 * first, each to be marked done or carried over into this meeting — so last time's actions
 * are waiting on screen when the set sits down.
 */
export function ActionsFromLastTime({ meeting, people }: { readonly meeting: Meeting; readonly people: SetPeople }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const open = useLive(
    async (r) => {
      const meetings = await r.meetings.listMeetings(meeting.setId);
      // Only the newest meeting reviews them: carrying an action into an old meeting makes no sense.
      if (meetings[0]?.id !== meeting.id || meeting.stage === 'closed') return [];
      const heldOn = new Map(meetings.map((m) => [m.id, m.heldOn]));
      const actions = await r.meetings.openActionsFromEarlierMeetings(meeting.setId, meeting.heldOn);
      return actions.map((action) => ({ action, agreedOn: heldOn.get(action.meetingId) ?? '' }));
    },
    [meeting.id, meeting.setId, meeting.heldOn, meeting.stage],
  );
  if (!open || open.length === 0) return null;
  const today = toIsoDate(new Date());

  async function markDone(id: string) {
    await repositories.meetings.markActionDone(id, today);
    showToast({ message: 'Marked done', actionLabel: 'Undo', onAction: () => repositories.meetings.reopenAction(id).then(() => undefined) });
  }

  async function carryOver(id: string) {
    await repositories.meetings.carryOver(id, meeting.id);
    showToast({ message: 'Carried over to this meeting' });
  }

  return (
    <section className="actions-review" aria-labelledby={`${meeting.id}-last-time`}>
      <h3 id={`${meeting.id}-last-time`}>Actions from last time</h3>
      <p className="muted">Mark each one done, or carry it over to this meeting.</p>
      <ul className="action-list">
        {open.map(({ action, agreedOn }) => {
          const mayMark = people.isFacilitator || action.assigneeId === people.me;
          return (
            <li key={action.id} className="action-item">
              <span className="action-item__text">{action.text}</span>
              <span className="record-list__meta record-list__line">
                {people.nameOf(action.assigneeId)} · {dueText(action, today)}
                {agreedOn ? ` · agreed ${formatUkDate(agreedOn)}` : null}
              </span>
              <span className="button-row action-item__buttons">
                {mayMark ? (
                  <button type="button" className="button" onClick={() => void markDone(action.id)}>
                    Done
                  </button>
                ) : null}
                {people.isFacilitator ? (
                  <button type="button" className="button" onClick={() => void carryOver(action.id)}>
                    Carry over
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
