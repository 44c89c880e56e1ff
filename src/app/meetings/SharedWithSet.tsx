import { formatUkDate } from '../../domain/dates';
import { entrySummary } from '../../domain/logEntry';
import { TRIAL_STATUS_LABELS } from '../../domain/programme';
import type { SharedItem } from '../db/repositories/sharedWithSet';
import { useLive } from '../db/useLiveRecords';
import { CommentThread } from './CommentThread';

interface SharedItemWords {
  readonly kind: string;
  readonly title: string;
  readonly detail: string;
}

function describe(item: SharedItem): SharedItemWords {
  switch (item.table) {
    case 'challenges':
      return { kind: 'Challenge', title: item.record.focus, detail: item.record.issue };
    case 'trials':
      return { kind: 'Trial', title: item.record.what, detail: TRIAL_STATUS_LABELS[item.record.status] };
    case 'measures':
      return { kind: 'Measure', title: item.record.name, detail: `Baseline ${item.record.baselineValue} on ${formatUkDate(item.record.baselineDate)}` };
    case 'logEntries':
      return { kind: 'Log entry', title: entrySummary(item.record) || '(no text)', detail: formatUkDate(item.record.occurredAt) };
  }
}

/** What the set's members have chosen to share with it, each open to comments. */
export function SharedWithSet({ setId }: { readonly setId: string }) {
  const items = useLive((repositories) => repositories.meetings.sharedWithSet(setId), [setId]);
  if (items === undefined) return null;
  return (
    <section aria-labelledby="shared-with-set" className="shared-with-set">
      <h2 id="shared-with-set">Shared with the set</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing yet. When members share a challenge, a trial, a measure or a log entry with the set, it appears here.</p>
      ) : (
        <ul className="shared-list">
          {items.map((item) => {
            const words = describe(item);
            return (
              <li key={`${item.table}:${item.record.id}`} className="card shared-item">
                <p className="record-list__meta">
                  {words.kind} shared by {item.ownerName}
                </p>
                <h3 className="shared-item__title">{words.title}</h3>
                {words.detail ? <p className="prose">{words.detail}</p> : null}
                <CommentThread targetTable={item.table} targetId={item.record.id} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
