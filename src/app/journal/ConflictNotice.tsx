import { entrySummary, type LogEntry } from '../../domain/logEntry';
import type { ConflictChoice } from '../db/repositories/logEntryRepository';
import { useRepositories } from '../db/RepositoryContext';

function otherText(entry: LogEntry): string {
  const body = entry.conflicts?.body?.value;
  const responses = entry.conflicts?.responses?.value;
  if (typeof body === 'string') return body;
  if (responses && typeof responses === 'object') return entrySummary({ body: '', responses: responses as Record<string, string> }, 2000);
  return '';
}

/**
 * The same entry was changed on two devices before either saw the other's change. Nothing was
 * dropped: the other version waits here until the person chooses (UX.md's words: "two
 * versions of this entry — choose or keep both").
 */
export function ConflictNotice({ entry }: { entry: LogEntry }) {
  const repositories = useRepositories();
  const fields = (['body', 'responses'] as const).filter((field) => entry.conflicts?.[field]);
  if (fields.length === 0) return null;
  const choose = async (choice: ConflictChoice) => {
    for (const field of fields) await repositories.logEntries.resolveConflict(entry.id, field, choice);
  };
  return (
    <section className="warning conflict-notice" aria-labelledby={`conflict-${entry.id}`}>
      <h3 id={`conflict-${entry.id}`}>Two versions of this entry</h3>
      <p>It was changed on another device at the same time. Below is the other version; the one in the editor is the newer.</p>
      <blockquote className="conflict-notice__other">{otherText(entry)}</blockquote>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void choose('keep-current')}>
          Keep the version in the editor
        </button>
        <button type="button" className="button" onClick={() => void choose('use-other')}>
          Use the other version
        </button>
        <button type="button" className="button button--primary" onClick={() => void choose('keep-both')}>
          Keep both
        </button>
      </div>
    </section>
  );
}
