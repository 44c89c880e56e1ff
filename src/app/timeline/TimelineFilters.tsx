import { useMemo } from 'react';
import { THEMES } from '../../domain/programme';
import {
  isTimelineFiltered,
  TIMELINE_KIND_CHIPS,
  TIMELINE_KINDS,
  timelineTags,
  timelineTrials,
  type TimelineItem,
  type TimelineKind,
} from '../../domain/review/timeline';
import { useTimelineFilters } from './timelineFilterStore';

/** A select's options, keeping the chosen value even when no item carries it any more. */
function withChosen(options: readonly { value: string; label: string }[], chosen: string | null) {
  return chosen === null || options.some((o) => o.value === chosen) ? options : [...options, { value: chosen, label: chosen }];
}

/** Type chips, tag, trial and theme, and the order: all kept for the session. Counts once every item is in. */
export function TimelineFilters({ items, complete }: { readonly items: readonly TimelineItem[]; readonly complete: boolean }) {
  const filters = useTimelineFilters();
  const kindCounts = useMemo(() => {
    const counts = new Map<TimelineKind, number>();
    for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
    return counts;
  }, [items]);
  const tags = useMemo(() => timelineTags(items).map((tag) => ({ value: tag, label: tag })), [items]);
  const trials = useMemo(() => timelineTrials(items).map((trial) => ({ value: trial.id, label: trial.title })), [items]);
  const kinds = TIMELINE_KINDS.filter((kind) => kindCounts.has(kind) || filters.kinds.includes(kind));

  return (
    <div className="timeline-filters">
      <div role="group" aria-label="Order" className="timeline-filters__order">
        <button type="button" className="chip" aria-pressed={filters.order === 'newest'} onClick={() => filters.set({ order: 'newest' })}>
          Newest first
        </button>
        <button type="button" className="chip" aria-pressed={filters.order === 'oldest'} onClick={() => filters.set({ order: 'oldest' })}>
          Oldest first
        </button>
      </div>
      <div role="group" aria-label="Show types">
        <ul className="chips">
          <li>
            <button type="button" className="chip" aria-pressed={filters.kinds.length === 0} onClick={() => filters.set({ kinds: [] })}>
              All types
            </button>
          </li>
          {kinds.map((kind) => (
            <li key={kind}>
              <button type="button" className="chip" aria-pressed={filters.kinds.includes(kind)} onClick={() => filters.toggleKind(kind)}>
                {TIMELINE_KIND_CHIPS[kind]}
                {complete ? <span className="timeline-filters__count"> {(kindCounts.get(kind) ?? 0).toLocaleString('en-GB')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="timeline-filters__selects">
        <div className="field">
          <label htmlFor="timeline-tag" className="field__label">
            Tag
          </label>
          <select id="timeline-tag" value={filters.tag ?? ''} onChange={(event) => filters.set({ tag: event.target.value || null })}>
            <option value="">All tags</option>
            {withChosen(tags, filters.tag).map((tag) => (
              <option key={tag.value} value={tag.value}>
                {tag.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="timeline-trial" className="field__label">
            Trial
          </label>
          <select id="timeline-trial" value={filters.trialId ?? ''} onChange={(event) => filters.set({ trialId: event.target.value || null })}>
            <option value="">All trials</option>
            {withChosen(trials, filters.trialId).map((trial) => (
              <option key={trial.value} value={trial.value}>
                {trial.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="timeline-theme" className="field__label">
            Theme
          </label>
          <select
            id="timeline-theme"
            value={filters.theme ?? ''}
            onChange={(event) => filters.set({ theme: THEMES.find((theme) => theme.id === event.target.value)?.id ?? null })}
          >
            <option value="">All themes</option>
            {THEMES.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {isTimelineFiltered(filters) ? (
        <button type="button" className="button button--quiet" onClick={filters.clearFilters}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
