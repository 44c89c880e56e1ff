import { Link } from 'wouter';
import { toIsoDate } from '../../domain/dates';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { dueText } from '../meetings/meetingText';
import '../meetings/meetings.css';
import { useToastStore } from '../ui/toastStore';

/** My open set actions due within a week, or overdue, each one tap from done. Hidden outside a set. */
export function ActionsDueCard() {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const today = toIsoDate(new Date());
  const data = useLive(
    async (r) => {
      const [me, sets] = await Promise.all([r.directory.me(), r.directory.mySets()]);
      return { inASet: sets.length > 0, actions: await r.meetings.actionsDueThisWeek(me, today) };
    },
    [today],
  );
  if (!data || (!data.inASet && data.actions.length === 0)) return null;

  async function markDone(id: string) {
    await repositories.meetings.markActionDone(id, today);
    showToast({ message: 'Marked done', actionLabel: 'Undo', onAction: () => repositories.meetings.reopenAction(id).then(() => undefined) });
  }

  return (
    <section aria-labelledby="today-actions">
      <h2 id="today-actions">Actions due this week</h2>
      {data.actions.length === 0 ? (
        <p className="muted">Nothing due in the next seven days.</p>
      ) : (
        <ul className="record-list">
          {data.actions.map((action) => (
            <li key={action.id} className="today-action">
              <Link href={`/set/meetings/${action.meetingId}`}>
                {action.text}
                <span className="record-list__meta record-list__line">{dueText(action, today)}</span>
              </Link>
              <button type="button" className="button" onClick={() => void markDone(action.id)}>
                Mark done
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
