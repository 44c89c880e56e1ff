import { useState } from 'react';
import { Link, useRoute } from 'wouter';
import { formatUkDateTime } from '../../domain/dates';
import { entrySummary, type LogEntry } from '../../domain/logEntry';
import { getReflectionTemplate } from '../../domain/reflectionTemplates';
import { useLive } from '../db/useLiveRecords';
import { useUiPreferences } from '../state/uiPreferences';
import { EmptyState } from '../ui/EmptyState';

const PAGE = 100;

function allTags(entries: readonly LogEntry[]): string[] {
  const tags = new Map<string, string>();
  for (const entry of entries) for (const tag of entry.tags) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}

/** The leadership log, newest first, filterable by tag. Shows a page at a time. */
export function LogList() {
  const entries = useLive((repositories) => repositories.logEntries.list());
  const order = useUiPreferences((state) => state.journalOrder);
  const tag = useUiPreferences((state) => state.journalTag);
  const setPreferences = useUiPreferences((state) => state.set);
  const [shown, setShown] = useState(PAGE);
  const [, params] = useRoute('/:id');

  if (entries === undefined) return <p className="muted">Loading your entries…</p>;
  if (entries.length === 0) {
    return (
      <EmptyState title="Your leadership log">
        <p>Short, dated notes — written minutes after a lesson, a meeting or a learning walk. Only you can see them.</p>
      </EmptyState>
    );
  }
  const filtered = tag ? entries.filter((entry) => entry.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) : entries;
  const ordered = order === 'newest' ? filtered : [...filtered].reverse();
  const tags = allTags(entries);

  return (
    <div>
      <div className="button-row">
        <p className="muted" aria-live="polite">
          {filtered.length} {filtered.length === 1 ? 'entry' : 'entries'}
          {tag ? ` tagged “${tag}”` : ''}
        </p>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setPreferences({ journalOrder: order === 'newest' ? 'oldest' : 'newest' })}
        >
          {order === 'newest' ? 'Show oldest first' : 'Show newest first'}
        </button>
      </div>
      {tags.length > 0 ? (
        <div role="group" aria-label="Filter by tag">
          <ul className="chips">
            <li>
              <button type="button" className="chip" aria-pressed={tag === null} onClick={() => setPreferences({ journalTag: null })}>
                All
              </button>
            </li>
            {tags.map((t) => (
              <li key={t}>
                <button type="button" className="chip" aria-pressed={tag === t} onClick={() => setPreferences({ journalTag: t })}>
                  {t}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="record-list" aria-label="Entries">
        {ordered.slice(0, shown).map((entry) => (
          <li key={entry.id}>
            <Link href={`/${entry.id}`} aria-current={params?.id === entry.id ? 'page' : undefined}>
              <span className="record-list__meta">
                {formatUkDateTime(entry.occurredAt)}
                {entry.template !== 'free' ? ` · ${getReflectionTemplate(entry.template).name}` : ''}
              </span>
              <br />
              <span>{entrySummary(entry) || '(no text)'}</span>
              {entry.tags.length > 0 ? (
                <span className="record-list__tags">
                  <br />
                  {entry.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
      {ordered.length > shown ? (
        <button type="button" className="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, ordered.length - shown)} more
        </button>
      ) : null}
    </div>
  );
}
