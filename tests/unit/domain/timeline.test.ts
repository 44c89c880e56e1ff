import { describe, expect, it } from 'vitest';
import {
  filterTimeline,
  formatItemCount,
  groupTimeline,
  matchesTimelineFilter,
  monthOf,
  NO_TIMELINE_FILTER,
  sortTimeline,
  termOf,
  timelineTags,
  timelineTrials,
  type TimelineFilter,
  type TimelineItem,
} from '../../../src/domain/review/timeline';

function item(key: string, at: string, extra: Partial<TimelineItem> = {}): TimelineItem {
  return { key, kind: 'entry', at, title: key, summary: '', tags: [], trialId: null, themes: [], href: `/journal/${key}`, ...extra };
}

/** A row list written compactly: "T:Autumn term 2026 (2)", "M:October 2026 (1)", "a". */
function describeRows(items: readonly TimelineItem[], order: 'newest' | 'oldest'): string[] {
  return groupTimeline(items, order).map((row) =>
    row.type === 'term' ? `T:${row.label} (${row.count})` : row.type === 'month' ? `M:${row.label} (${row.count})` : row.key,
  );
}

describe('termOf', () => {
  it.each([
    ['2026-09-01', 'Autumn term 2026'],
    ['2026-10-15', 'Autumn term 2026'],
    ['2026-12-31', 'Autumn term 2026'],
    ['2027-01-01', 'Spring term 2027'],
    ['2027-02-14', 'Spring term 2027'],
    ['2027-03-31', 'Spring term 2027'],
    ['2027-04-01', 'Summer term 2027'],
    ['2027-06-30', 'Summer term 2027'],
    ['2027-08-31', 'Summer term 2027'],
    ['2026-08-31', 'Summer term 2026'],
    // Date-times are read on the local calendar; mid-month noon is the same day everywhere.
    ['2026-11-15T12:00:00.000Z', 'Autumn term 2026'],
    ['2027-03-15T12:00:00.000Z', 'Spring term 2027'],
    ['2027-05-15T12:00:00.000Z', 'Summer term 2027'],
  ])('%s is in the %s', (date, term) => {
    expect(termOf(date)).toBe(term);
  });

  it('takes a Date on the local calendar', () => {
    expect(termOf(new Date(2027, 0, 3, 9, 30))).toBe('Spring term 2027');
    expect(termOf(new Date(2026, 8, 1, 0, 0))).toBe('Autumn term 2026');
  });
});

describe('monthOf', () => {
  it.each([
    ['2026-09-01', 'September 2026'],
    ['2027-01-31', 'January 2027'],
    ['2027-05-15T12:00:00.000Z', 'May 2027'],
  ])('%s → %s', (date, month) => {
    expect(monthOf(date)).toBe(month);
  });
});

describe('groupTimeline', () => {
  const year = [
    item('sep', '2026-09-10T12:00:00.000Z'),
    item('oct-a', '2026-10-02'),
    item('oct-b', '2026-10-20T12:00:00.000Z'),
    item('jan', '2027-01-05'),
    item('may', '2027-05-15T12:00:00.000Z'),
  ];

  it.each<{ name: string; items: TimelineItem[]; order: 'newest' | 'oldest'; rows: string[] }>([
    { name: 'nothing', items: [], order: 'newest', rows: [] },
    { name: 'one item', items: [item('a', '2027-02-01')], order: 'newest', rows: ['T:Spring term 2027 (1)', 'M:February 2027 (1)', 'a'] },
    {
      name: 'a year, oldest first',
      items: year,
      order: 'oldest',
      rows: [
        'T:Autumn term 2026 (3)',
        'M:September 2026 (1)',
        'sep',
        'M:October 2026 (2)',
        'oct-a',
        'oct-b',
        'T:Spring term 2027 (1)',
        'M:January 2027 (1)',
        'jan',
        'T:Summer term 2027 (1)',
        'M:May 2027 (1)',
        'may',
      ],
    },
    {
      name: 'a year, newest first (the latest term leads)',
      items: [...year].reverse(),
      order: 'newest',
      rows: [
        'T:Summer term 2027 (1)',
        'M:May 2027 (1)',
        'may',
        'T:Spring term 2027 (1)',
        'M:January 2027 (1)',
        'jan',
        'T:Autumn term 2026 (3)',
        'M:October 2026 (2)',
        'oct-b',
        'oct-a',
        'M:September 2026 (1)',
        'sep',
      ],
    },
    {
      name: 'the same month in two years is two groups',
      items: [item('y1', '2026-09-05'), item('y2', '2027-09-05')],
      order: 'oldest',
      rows: ['T:Autumn term 2026 (1)', 'M:September 2026 (1)', 'y1', 'T:Autumn term 2027 (1)', 'M:September 2027 (1)', 'y2'],
    },
    {
      name: 'ties keep a stable order by key',
      items: [item('b', '2026-11-01'), item('a', '2026-11-01')],
      order: 'oldest',
      rows: ['T:Autumn term 2026 (2)', 'M:November 2026 (2)', 'a', 'b'],
    },
  ])('$name', ({ items, order, rows }) => {
    expect(describeRows(items, order)).toEqual(rows);
  });

  it('sorts dates and date-times together', () => {
    const sorted = sortTimeline([item('later', '2026-10-03T12:00:00.000Z'), item('day', '2026-10-03'), item('before', '2026-10-02T12:00:00.000Z')], 'oldest');
    expect(sorted.map((i) => i.key)).toEqual(['before', 'day', 'later']);
  });

  it('keys every row uniquely', () => {
    const rows = groupTimeline([...year, item('y2', '2027-09-05')], 'newest');
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });
});

describe('filterTimeline', () => {
  const items = [
    item('phonics', '2026-10-01', { tags: ['Phonics', 'KS1'], trialId: 't1', themes: ['attainment'] }),
    item('parents', '2026-10-02', { tags: ['parents'], themes: ['families'] }),
    item('trial', '2026-10-03', { kind: 'trial', title: 'Learning walks', trialId: 't1', themes: ['attainment', 'evidence'] }),
    item('reading', '2026-10-04', { kind: 'reading', trialId: 't1' }),
    item('event', '2026-10-05', { kind: 'event' }),
  ];

  it.each<{ name: string; filter: Partial<TimelineFilter>; keys: string[] }>([
    { name: 'no filter', filter: {}, keys: ['phonics', 'parents', 'trial', 'reading', 'event'] },
    { name: 'one kind', filter: { kinds: ['entry'] }, keys: ['phonics', 'parents'] },
    { name: 'two kinds', filter: { kinds: ['trial', 'event'] }, keys: ['trial', 'event'] },
    { name: 'a tag, whatever its case', filter: { tag: 'phonics' }, keys: ['phonics'] },
    { name: 'a trial', filter: { trialId: 't1' }, keys: ['phonics', 'trial', 'reading'] },
    { name: 'a theme', filter: { theme: 'attainment' }, keys: ['phonics', 'trial'] },
    { name: 'all together', filter: { kinds: ['entry'], trialId: 't1', theme: 'attainment', tag: 'KS1' }, keys: ['phonics'] },
    { name: 'nothing matches', filter: { tag: 'nowhere' }, keys: [] },
  ])('$name', ({ filter, keys }) => {
    const full = { ...NO_TIMELINE_FILTER, ...filter };
    expect(filterTimeline(items, full).map((i) => i.key)).toEqual(keys);
    expect(items.filter((i) => matchesTimelineFilter(i, full)).map((i) => i.key)).toEqual(keys);
  });

  it('lists tags once whatever their case, and the trials by their plans', () => {
    expect(timelineTags([...items, item('x', '2026-10-06', { tags: ['phonics', 'attendance'] })])).toEqual(['attendance', 'KS1', 'parents', 'Phonics']);
    expect(timelineTrials(items)).toEqual([{ id: 't1', title: 'Learning walks' }]);
  });
});

describe('formatItemCount', () => {
  it.each([
    [0, '0 items'],
    [1, '1 item'],
    [1284, '1,284 items'],
    [10_059, '10,059 items'],
  ])('%d → %s', (count, text) => {
    expect(formatItemCount(count)).toBe(text);
  });
});
