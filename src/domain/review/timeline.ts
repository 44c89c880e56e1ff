/**
 * The learning timeline: everything a participant owns or may see over the year, as one list
 * grouped by school term and month (UX.md "Timeline"). Pure: the repository maps records to
 * TimelineItems, the screen filters, sorts and groups them with the functions here.
 */
import type { ThemeId } from '../programme';

export const TIMELINE_KINDS = ['entry', 'revision', 'trial', 'trialReview', 'reading', 'round', 'action', 'coaching', 'event'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What one item is, in the person's words (shown on each row). */
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  entry: 'Log entry',
  revision: 'Challenge',
  trial: 'Trial',
  trialReview: 'Trial review',
  reading: 'Reading',
  round: 'Set meeting round',
  action: 'Set meeting action',
  coaching: 'Coaching session',
  event: 'Programme event',
};

/** The type filter's chips: several kinds of item at once. */
export const TIMELINE_KIND_CHIPS: Record<TimelineKind, string> = {
  entry: 'Log entries',
  revision: 'Challenge versions',
  trial: 'Trials',
  trialReview: 'Trial reviews',
  reading: 'Readings',
  round: 'My rounds',
  action: 'My actions',
  coaching: 'Coaching',
  event: 'Programme events',
};

export interface TimelineItem {
  /** Unique across kinds: `${kind}:${record id}`. */
  readonly key: string;
  readonly kind: TimelineKind;
  /** When it happened: an ISO date-time (UTC) or a calendar date `YYYY-MM-DD`. */
  readonly at: string;
  readonly title: string;
  /** One short line under the title; may be ''. */
  readonly summary: string;
  readonly tags: readonly string[];
  /** The trial the item belongs to (a trial's own items carry its id), or null. */
  readonly trialId: string | null;
  readonly themes: readonly ThemeId[];
  /** Where tapping the item opens it: an app path such as /journal/<id>. */
  readonly href: string;
}

export type TimelineOrder = 'newest' | 'oldest';

export interface TimelineFilter {
  /** Kinds to show; empty means every kind. */
  readonly kinds: readonly TimelineKind[];
  readonly tag: string | null;
  readonly trialId: string | null;
  readonly theme: ThemeId | null;
}

export const NO_TIMELINE_FILTER: TimelineFilter = { kinds: [], tag: null, trialId: null, theme: null };

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar year and month (1–12) of an ISO date or date-time, or of a Date. */
function yearAndMonth(date: string | Date): { year: number; month: number } {
  if (typeof date === 'string') {
    const match = DATE_ONLY.exec(date);
    if (match) return { year: Number(match[1]), month: Number(match[2]) };
    date = new Date(date);
  }
  return { year: date.getFullYear(), month: date.getMonth() + 1 };
}

/** Milliseconds for sorting: a calendar date counts from its local midnight. */
export function timeOf(at: string): number {
  const time = DATE_ONLY.test(at) ? new Date(`${at}T00:00:00`).getTime() : new Date(at).getTime();
  return Number.isNaN(time) ? 0 : time;
}

export type TermName = 'Autumn' | 'Spring' | 'Summer';

/** The UK school term of a month (1–12): Autumn Sep–Dec, Spring Jan–Mar, Summer Apr–Aug. */
export function termNameOfMonth(month: number): TermName {
  if (month >= 9) return 'Autumn';
  if (month <= 3) return 'Spring';
  return 'Summer';
}

/** "Autumn term 2026", "Spring term 2027", "Summer term 2027" for a date (local calendar). */
export function termOf(date: string | Date): string {
  const { year, month } = yearAndMonth(date);
  return `${termNameOfMonth(month)} term ${year}`;
}

/** "May 2027". */
export function monthOf(date: string | Date): string {
  const { year, month } = yearAndMonth(date);
  return `${MONTHS[month - 1] ?? ''} ${year}`;
}

/** Newest or oldest first; ties broken by key so the order never flickers. */
export function sortTimeline(items: readonly TimelineItem[], order: TimelineOrder): TimelineItem[] {
  const decorated = items.map((item) => ({ item, time: timeOf(item.at) }));
  const direction = order === 'newest' ? -1 : 1;
  decorated.sort((a, b) => direction * (a.time - b.time) || (a.item.key < b.item.key ? -direction : a.item.key > b.item.key ? direction : 0));
  return decorated.map((d) => d.item);
}

/** One row of the timeline list: a term heading, a month heading or an item. */
export type TimelineRow =
  | { readonly type: 'term'; readonly key: string; readonly label: string; readonly count: number }
  | { readonly type: 'month'; readonly key: string; readonly label: string; readonly count: number }
  | { readonly type: 'item'; readonly key: string; readonly item: TimelineItem };

/**
 * Sorts the items and puts a term heading before each term and a month heading before each
 * month, with how many items each holds: the rows the virtualised list shows.
 */
export function groupTimeline(items: readonly TimelineItem[], order: TimelineOrder): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const counts = new Map<number, number>();
  let termRow = -1;
  let monthRow = -1;
  let term = '';
  let month = '';
  for (const item of sortTimeline(items, order)) {
    const itemMonth = monthOf(item.at);
    if (itemMonth !== month) {
      const itemTerm = termOf(item.at);
      if (itemTerm !== term) {
        term = itemTerm;
        termRow = rows.length;
        rows.push({ type: 'term', key: `term:${itemTerm}:${rows.length}`, label: itemTerm, count: 0 });
      }
      month = itemMonth;
      monthRow = rows.length;
      rows.push({ type: 'month', key: `month:${itemMonth}:${rows.length}`, label: itemMonth, count: 0 });
    }
    counts.set(termRow, (counts.get(termRow) ?? 0) + 1);
    counts.set(monthRow, (counts.get(monthRow) ?? 0) + 1);
    rows.push({ type: 'item', key: item.key, item });
  }
  return rows.map((row, index) => (row.type === 'item' ? row : { ...row, count: counts.get(index) ?? 0 }));
}

/** True when the item passes every part of the filter. Tags match whatever their case. */
export function matchesTimelineFilter(item: TimelineItem, filter: TimelineFilter): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(item.kind)) return false;
  if (filter.trialId !== null && item.trialId !== filter.trialId) return false;
  if (filter.theme !== null && !item.themes.includes(filter.theme)) return false;
  if (filter.tag !== null) {
    const tag = filter.tag.toLowerCase();
    if (!item.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  return true;
}

export function filterTimeline(items: readonly TimelineItem[], filter: TimelineFilter): TimelineItem[] {
  return isTimelineFiltered(filter) ? items.filter((item) => matchesTimelineFilter(item, filter)) : [...items];
}

export function isTimelineFiltered(filter: TimelineFilter): boolean {
  return filter.kinds.length > 0 || filter.tag !== null || filter.trialId !== null || filter.theme !== null;
}

/** Every tag used, once whatever its case, alphabetically. */
export function timelineTags(items: readonly TimelineItem[]): string[] {
  const tags = new Map<string, string>();
  for (const item of items) for (const tag of item.tags) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}

/** The trials on the timeline (from their plan items), oldest first, for the trial filter. */
export function timelineTrials(items: readonly TimelineItem[]): { id: string; title: string }[] {
  return sortTimeline(
    items.filter((item) => item.kind === 'trial' && item.trialId !== null),
    'oldest',
  ).map((item) => ({ id: item.trialId as string, title: item.title }));
}

/** "1 item", "1,284 items". */
export function formatItemCount(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'item' : 'items'}`;
}

/** Some writing as one line (whitespace collapsed), shortened for a list row. */
export function oneLine(text: string, maxChars = 140): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line;
}
