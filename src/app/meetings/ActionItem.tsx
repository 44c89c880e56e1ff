import { ACTION_STATUS_WORDS, type MeetingAction } from '../../domain/sets/meetingAction';
import { useRepositories } from '../db/RepositoryContext';
import { useToastStore } from '../ui/toastStore';
import { dueText } from './meetingText';
import type { SetPeople } from './useSetPeople';

/**
 * One action: what, who, by when, and where it stands. Its owner (or the facilitator) marks it
 * done; the facilitator can remove it.
 */
export function ActionItem({ action, people, today }: { readonly action: MeetingAction; readonly people: SetPeople; readonly today: string }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const mayMark = people.isFacilitator || action.assigneeId === people.me;
  const owner = action.assigneeId === people.me ? 'You' : people.nameOf(action.assigneeId);

  async function remove() {
    await repositories.meetings.removeAction(action.id);
    showToast({ message: 'Action removed', actionLabel: 'Undo', onAction: () => repositories.meetings.restoreAction(action.id) });
  }

  return (
    <li className={action.status === 'open' ? 'action-item' : 'action-item action-item--closed'}>
      <span className="action-item__text">{action.text}</span>
      <span className="record-list__meta record-list__line">
        {owner} · {dueText(action, today)}
        {action.status === 'open' ? null : <span className="status-tag action-item__status">{ACTION_STATUS_WORDS[action.status]}</span>}
      </span>
      <span className="button-row action-item__buttons">
        {mayMark && action.status === 'open' ? (
          <button type="button" className="button" onClick={() => void repositories.meetings.markActionDone(action.id, today)}>
            Mark done
          </button>
        ) : null}
        {mayMark && action.status === 'done' ? (
          <button type="button" className="button button--quiet" onClick={() => void repositories.meetings.reopenAction(action.id)}>
            Not done yet
          </button>
        ) : null}
        {people.isFacilitator ? (
          <button type="button" className="button button--quiet" onClick={() => void remove()}>
            Remove
          </button>
        ) : null}
      </span>
    </li>
  );
}
