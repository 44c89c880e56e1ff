import { useEffect, useState } from 'react';
import type { TimelineItem } from '../../domain/review/timeline';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useTimelineFilters } from './timelineFilterStore';

/** Log entries read for the first screen while the whole year loads. */
export const LEADING_ENTRIES = 150;

/**
 * The timeline's items, live. Reading a year of ten thousand records takes a moment, and the
 * device reads one thing at a time: so first the items that lead the list in the chosen order
 * (a few log entries and everything else), then the whole year, which then stays live.
 * `complete` is false while only the leading items are in (counts are not known yet). Someone
 * coming back to a place deep in the list waits for the whole year instead.
 */
export function useTimelineItems(): { items: readonly TimelineItem[] | undefined; complete: boolean } {
  const repositories = useRepositories();
  const order = useTimelineFilters((state) => state.order);
  const [returning] = useState(() => useTimelineFilters.getState().scrollY > 0);
  const [leading, setLeading] = useState<TimelineItem[] | null>(null);
  const [wantAll, setWantAll] = useState(returning);
  const all = useLive((r) => (wantAll ? r.timeline.items() : Promise.resolve(null)), [wantAll]);
  const allLoaded = Array.isArray(all);

  useEffect(() => {
    if (returning || allLoaded) return;
    let current = true;
    repositories.timeline
      .leadingItems(order, LEADING_ENTRIES)
      .then(
        (found) => current && setLeading(found),
        () => undefined,
      )
      .finally(() => current && setWantAll(true));
    return () => {
      current = false;
    };
  }, [repositories, order, returning, allLoaded]);

  return { items: all ?? leading ?? undefined, complete: allLoaded };
}
