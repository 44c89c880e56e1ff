import { measureElement as measureRenderedElement, useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import { formatItemCount, TIMELINE_KIND_LABELS, type TimelineRow } from '../../domain/review/timeline';
import { useTimelineFilters } from './timelineFilterStore';

/** Rough heights before a row is measured (px); also what jsdom, which has no layout, uses. */
export function estimateRowSize(row: TimelineRow | undefined): number {
  if (!row) return 96;
  if (row.type === 'term') return 72;
  if (row.type === 'month') return 52;
  return 76 + (row.item.summary ? 26 : 0) + (row.item.tags.length > 0 ? 28 : 0);
}

const TimelineRowView = memo(function TimelineRowView({ row, counted }: { readonly row: TimelineRow; readonly counted: boolean }) {
  if (row.type === 'term') {
    return (
      <h2 className="timeline__term">
        {row.label} {counted ? <span className="timeline__heading-count">{formatItemCount(row.count)}</span> : null}
      </h2>
    );
  }
  if (row.type === 'month') {
    return (
      <h3 className="timeline__month">
        {row.label} {counted ? <span className="timeline__heading-count">{formatItemCount(row.count)}</span> : null}
      </h3>
    );
  }
  const { item } = row;
  return (
    <Link href={`~${item.href}`} className={`timeline__item timeline__item--${item.kind}`}>
      <span className="timeline__meta">
        {TIMELINE_KIND_LABELS[item.kind]} · {item.at.length > 10 ? formatUkDateTime(item.at) : formatUkDate(item.at)}
      </span>
      <span className="timeline__title">{item.title}</span>
      {item.summary ? <span className="timeline__summary">{item.summary}</span> : null}
      {item.tags.length > 0 ? (
        <span className="timeline__tags">
          {item.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </span>
      ) : null}
    </Link>
  );
});

/**
 * Term headings, month headings and items, virtualised against the page's own scrolling: only
 * the rows near the screen are in the document, each measured once it renders, so ten
 * thousand items scroll as smoothly as ten. Headings show their counts once every item is in.
 */
export function TimelineList({ rows, complete }: { readonly rows: readonly TimelineRow[]; readonly complete: boolean }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const savedScroll = useTimelineFilters((state) => state.scrollY);
  const setSavedScroll = useTimelineFilters((state) => state.setScrollY);

  // Where the list starts on the page: the filter bar above it can wrap and grow.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setScrollMargin(Math.max(0, Math.round(list.getBoundingClientRect().top + window.scrollY)));
    measure();
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, []);

  // Coming back from an item returns to where the person was: remembered on leaving, and
  // restored by the virtualizer (initialOffset below) on arrival.
  useLayoutEffect(() => () => setSavedScroll(window.scrollY), [setSavedScroll]);

  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (index) => estimateRowSize(rows[index]),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    initialOffset: () => (savedScroll > 0 && window.scrollY === 0 ? savedScroll : window.scrollY),
    scrollMargin,
    // The screen's size before the first measurement, so rows appear in the first paint.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // A row measured as 0 px tall has not been laid out (jsdom): keep its estimate.
    measureElement: (element, entry, instance) => {
      const size = measureRenderedElement(element, entry, instance);
      return size > 0 ? size : estimateRowSize(rows[instance.indexFromElement(element)]);
    },
  });

  return (
    <div ref={listRef} className="timeline__list" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((virtualRow) => {
        const row = rows[virtualRow.index];
        if (!row) return null;
        return (
          <div
            key={virtualRow.key}
            ref={virtualizer.measureElement}
            data-index={virtualRow.index}
            className={`timeline__row timeline__row--${row.type}`}
            style={{ transform: `translateY(${virtualRow.start - scrollMargin}px)` }}
          >
            <TimelineRowView row={row} counted={complete} />
          </div>
        );
      })}
    </div>
  );
}
