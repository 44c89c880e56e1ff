import { useEffect, useMemo, useRef } from 'react';
import { Link, Route } from 'wouter';
import { filterTimeline, formatItemCount, groupTimeline, isTimelineFiltered } from '../../domain/review/timeline';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { EventCard } from './EventCard';
import { TimelineFilters } from './TimelineFilters';
import { TimelineList } from './TimelineList';
import { useTimelineFilters } from './timelineFilterStore';
import { useTimelineItems } from './useTimelineItems';
import './timeline.css';

/**
 * The learning timeline: everything over the year — log entries, challenge versions, trials
 * and their reviews, readings, set meeting rounds and actions, coaching, programme events —
 * by term and month, newest or oldest first. Filters sit beside the list in landscape.
 */
export function TimelinePage() {
  const { items, complete } = useTimelineItems();
  const order = useTimelineFilters((state) => state.order);
  const kinds = useTimelineFilters((state) => state.kinds);
  const tag = useTimelineFilters((state) => state.tag);
  const trialId = useTimelineFilters((state) => state.trialId);
  const theme = useTimelineFilters((state) => state.theme);
  const clearFilters = useTimelineFilters((state) => state.clearFilters);
  const filter = useMemo(() => ({ kinds, tag, trialId, theme }), [kinds, tag, trialId, theme]);
  const filtered = useMemo(() => (items ? filterTimeline(items, filter) : []), [items, filter]);
  const rows = useMemo(() => groupTimeline(filtered, order), [filtered, order]);
  const mainRef = useRef<HTMLElement>(null);

  // A new filter or order starts at the top of the list, not deep inside the old one.
  const filterKey = JSON.stringify([kinds, tag, trialId, theme, order]);
  const lastFilterKey = useRef(filterKey);
  useEffect(() => {
    if (lastFilterKey.current === filterKey) return;
    lastFilterKey.current = filterKey;
    const top = Math.max(0, (mainRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY - 60);
    if (window.scrollY > top) window.scrollTo(0, top);
  }, [filterKey]);

  const loading = <p className="muted">Loading your year…</p>;
  return (
    <>
      <PageHeader title="Timeline" />
      {items === undefined || (!complete && rows.length === 0) ? (
        loading
      ) : items.length === 0 ? (
        <EmptyState title="Your year, in one place">
          <p>Everything you write and do this year — log entries, trials, readings, set meetings and coaching — appears here by term and month.</p>
          <Link href="~/journal/new" className="button button--primary">
            Write your first entry
          </Link>
        </EmptyState>
      ) : (
        <div className="timeline">
          <aside className="timeline__aside" aria-label="Filters">
            <Route path="/events/:id">{(params) => <EventCard eventId={params.id} />}</Route>
            <TimelineFilters items={items} complete={complete} />
          </aside>
          <section className="timeline__main" aria-labelledby="timeline-count" ref={mainRef}>
            <p id="timeline-count" className="timeline__count" aria-live="polite">
              {complete ? formatItemCount(filtered.length) : 'Loading your year…'}
              {complete && isTimelineFiltered(filter) ? ` (of ${items.length.toLocaleString('en-GB')})` : ''}
            </p>
            {rows.length === 0 ? (
              <EmptyState title="Nothing matches these filters">
                <p>Try another type, tag, trial or theme — or show everything again.</p>
                <button type="button" className="button" onClick={clearFilters}>
                  Clear filters
                </button>
              </EmptyState>
            ) : (
              <TimelineList rows={rows} complete={complete} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
