import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setMaxListeners } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { TimelinePage } from '../../../../src/app/timeline/TimelinePage';
import { useTimelineFilters } from '../../../../src/app/timeline/timelineFilterStore';
import {
  filterTimeline,
  formatItemCount,
  groupTimeline,
  NO_TIMELINE_FILTER,
  sortTimeline,
  type TimelineFilter,
  type TimelineItem,
  type TimelineKind,
} from '../../../../src/domain/review/timeline';
import { generateYear, type GeneratedRecord, type GeneratedYear } from '../../../support/generateYear';
import { putYear } from '../../../support/putYear';
import { renderPage } from '../support/renderPage';

const SEED = process.env.TIMELINE_SEED ? Number(process.env.TIMELINE_SEED) : Math.floor(Math.random() * 1_000_000);
const OWNER = 'user-priya';
const ENTRIES = 10_000;

let db: SetwiseDatabase;
let repositories: Repositories;
let year: GeneratedYear;
let items: TimelineItem[];

const table = (name: string): GeneratedRecord[] => year.tables[name] ?? [];
const record = (id: string, fields: Record<string, unknown>, deletedAt: string | null = null) => ({
  ...fields,
  id,
  owner: OWNER,
  createdAt: '2026-09-01T09:00:00.000Z',
  updatedAt: '2026-09-01T09:00:00.000Z',
  deletedAt,
  clocks: {},
});

// The timeline's one live query reads thirteen tables; Dexie adds an abort listener per read
// to the query's signal, past Node's default warning threshold of ten (browsers have none).
setMaxListeners(30);

beforeAll(async () => {
  console.info(`TimelinePage tests: generateYear seed ${SEED} (rerun with TIMELINE_SEED=${SEED})`);
  year = await generateYear({ seed: SEED, owner: OWNER, entries: ENTRIES });
  db = new SetwiseDatabase(`timeline-${crypto.randomUUID()}`);
  await putYear(db, year, OWNER);
  // What generateYear leaves out: the meetings (one held, one removed with its rounds and
  // actions), the programme calendar, the coach's name, someone else's entry, a deleted entry.
  await db.table('meetings').bulkPut([
    record(`meeting-${SEED}-0`, { setId: `set-${SEED}`, heldOn: '2026-10-01', place: 'Oakfield Primary', attendance: {} }),
    record(`meeting-${SEED}-1`, { setId: `set-${SEED}`, heldOn: '2026-11-20', place: '', attendance: {} }, '2026-11-21T09:00:00.000Z'),
  ]);
  await db.table('calendarEvents').bulkPut([
    record('event-1', { cohortId: 'c1', setId: null, kind: 'workshop', title: 'Core workshop 1: leading change', startsOn: '2026-09-17', endsOn: null, startTime: '09:30', place: 'Riverside Centre' }),
    record('event-2', { cohortId: 'c1', setId: null, kind: 'seminar', title: 'Seminar: using evidence', startsOn: '2027-02-04', endsOn: null, startTime: '', place: '' }),
    record('event-3', { cohortId: 'c1', setId: `set-${SEED}`, kind: 'set_meeting', title: 'Set meeting 3', startsOn: '2027-03-11', endsOn: null, startTime: '', place: '' }),
  ]);
  await db.table('memberships').put(record('membership-coach', { cohortId: 'c1', userId: `coach-${SEED}`, displayName: 'Sam Okafor', role: 'coach', setId: null, coacheeId: OWNER, status: 'active', withdrawnOn: null }));
  const [someEntry] = table('logEntries');
  await db.table('logEntries').bulkPut([
    { ...someEntry, id: 'someone-elses', owner: 'user-other', visibility: 'set' },
    { ...someEntry, id: 'deleted-mine', deletedAt: '2027-01-01T09:00:00.000Z' },
  ]);
  repositories = createRepositories(db);
  items = await repositories.timeline.items();
}, 120_000);

afterAll(async () => {
  db.close();
  await db.delete();
});

beforeEach(() => {
  // jsdom has no scrolling; the virtualizer writes the window's offset when it mounts.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
  sessionStorage.clear();
  useTimelineFilters.setState({ kinds: [], tag: null, trialId: null, theme: null, order: 'newest', scrollY: 0 });
});

/** What each filter should let through, worked out from the generated records themselves. */
function expectedKeys(filter: Partial<TimelineFilter>): Set<string> {
  return new Set(filterTimeline(items, { ...NO_TIMELINE_FILTER, ...filter }).map((item) => item.key));
}

function countOf(kind: TimelineKind): number {
  return items.filter((item) => item.kind === kind).length;
}

describe('timeline repository (all items)', () => {
  it('holds every record the person owns or may see, once', () => {
    const removedMeeting = `meeting-${SEED}-1`;
    expect(countOf('entry')).toBe(ENTRIES);
    expect(countOf('revision')).toBe(table('challengeRevisions').length);
    expect(countOf('trial')).toBe(table('trials').length);
    expect(countOf('trialReview')).toBe(table('trials').length); // every generated trial has a review
    expect(countOf('reading')).toBe(table('readings').length);
    expect(countOf('round')).toBe(table('meetingRounds').filter((r) => r.meetingId !== removedMeeting).length);
    expect(countOf('action')).toBe(table('meetingActions').filter((a) => a.meetingId !== removedMeeting).length);
    expect(countOf('coaching')).toBe(table('coachingSessions').length);
    expect(countOf('event')).toBe(3);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(items.some((item) => item.key === 'entry:someone-elses' || item.key === 'entry:deleted-mine')).toBe(false);
  });

  it('words readings, meetings, coaching and events for people', () => {
    const reading = table('readings')[0] as GeneratedRecord;
    expect(items.find((item) => item.key === `reading:${reading.id}`)).toMatchObject({
      title: `Pupils passing the phonics check: ${String(reading.value)}%`,
      href: `/measures/${String(reading.measureId)}`,
    });
    const round = table('meetingRounds').find((r) => r.meetingId === `meeting-${SEED}-0`) as GeneratedRecord;
    expect(items.find((item) => item.key === `round:${round.id}`)).toMatchObject({ at: '2026-10-01', href: `/set/meetings/meeting-${SEED}-0` });
    expect(items.find((item) => item.kind === 'coaching')?.title).toBe('Coaching session with Sam Okafor');
    expect(items.find((item) => item.key === 'event:event-1')).toMatchObject({ summary: 'Core workshop · 09:30 · Riverside Centre', href: '/timeline/events/event-1' });
  });

  it.each(['newest', 'oldest'] as const)('leads with the same first screen, %s first, from a few entries', async (order) => {
    const leading = await repositories.timeline.leadingItems(order, 150);
    expect(leading.filter((item) => item.kind === 'entry')).toHaveLength(150);
    const firstKeys = (list: TimelineItem[]) => sortTimeline(list, order).slice(0, 150).map((item) => item.key);
    expect(firstKeys(leading)).toEqual(firstKeys(items));
  });

  it('filters by tag, type, trial and theme across all items', () => {
    const entries = table('logEntries');
    const trial = table('trials')[0] as GeneratedRecord;
    const measuresOfTrial = new Set(table('measures').filter((m) => m.trialId === trial.id).map((m) => m.id));

    const phonics = entries.filter((e) => (e.tags as string[]).some((t) => t.toLowerCase() === 'phonics')).map((e) => `entry:${e.id}`);
    expect(expectedKeys({ tag: 'phonics' })).toEqual(new Set(phonics));

    expect(expectedKeys({ kinds: ['reading'] })).toEqual(new Set(table('readings').map((r) => `reading:${r.id}`)));

    const ofTrial = [
      ...entries.filter((e) => e.trialId === trial.id).map((e) => `entry:${e.id}`),
      `trial:${trial.id}`,
      `trialReview:${trial.id}`,
      ...table('readings').filter((r) => measuresOfTrial.has(String(r.measureId))).map((r) => `reading:${r.id}`),
    ];
    expect(expectedKeys({ trialId: trial.id })).toEqual(new Set(ofTrial));

    // The generated challenge touches "Raising attainment": whatever belongs to it carries the theme.
    const attainment = [
      ...entries.filter((e) => e.challengeId !== null || e.trialId !== null).map((e) => `entry:${e.id}`),
      ...table('challengeRevisions').map((r) => `revision:${r.id}`),
      ...table('trials').flatMap((t) => [`trial:${t.id}`, `trialReview:${t.id}`]),
      ...table('readings').map((r) => `reading:${r.id}`),
    ];
    expect(expectedKeys({ theme: 'attainment' })).toEqual(new Set(attainment));
    expect(expectedKeys({ theme: 'families' }).size).toBe(0);
  });
});

async function renderTimeline(path = '/timeline') {
  const view = renderPage('/timeline', <TimelinePage />, path, repositories);
  await screen.findByText(formatItemCount(items.length), undefined, { timeout: 30_000 });
  return view;
}

function renderedItemLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('a.timeline__item')];
}

/** Every rendered row is one the filter lets through, and the list starts where it should. */
async function expectRenderedToMatch(filter: Partial<TimelineFilter>) {
  const expected = filterTimeline(items, { ...NO_TIMELINE_FILTER, ...filter });
  const hrefs = new Set(expected.map((item) => item.href));
  await waitFor(() => expect(screen.getByText(`${formatItemCount(expected.length)} (of ${items.length.toLocaleString('en-GB')})`)).toBeInTheDocument());
  const links = renderedItemLinks();
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(hrefs.has(link.getAttribute('href') ?? '')).toBe(true);
  const first = groupTimeline(expected, 'newest').find((row) => row.type === 'item');
  expect(links[0]?.getAttribute('href')).toBe(first?.type === 'item' ? first.item.href : undefined);
}

describe('TimelinePage', () => {
  it('shows the count, the latest term first and only a window of rows', async () => {
    await renderTimeline();
    const headings = screen.getAllByRole('heading', { level: 2 });
    const firstRow = groupTimeline(items, 'newest')[0];
    expect(firstRow).toMatchObject({ type: 'term', label: 'Summer term 2027' });
    expect(headings[0]).toHaveTextContent(/^Summer term 2027/);
    expect(screen.getAllByRole('heading', { level: 3 })[0]).toHaveTextContent(/^July 2027/);
    const rendered = renderedItemLinks().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  }, 60_000);

  it('turns to oldest first', async () => {
    const { user } = await renderTimeline();
    await user.click(screen.getByRole('button', { name: 'Oldest first' }));
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(/^Autumn term 2026/));
    expect(screen.getAllByRole('heading', { level: 3 })[0]).toHaveTextContent(/^September 2026/);
    expect(useTimelineFilters.getState().order).toBe('oldest');
  }, 60_000);

  it('filters by tag', async () => {
    const { user } = await renderTimeline();
    await user.selectOptions(screen.getByLabelText('Tag'), 'phonics');
    await expectRenderedToMatch({ tag: 'phonics' });
    for (const link of renderedItemLinks()) expect(within(link).getByText('phonics')).toBeInTheDocument();
  }, 60_000);

  it('filters by type with the chips', async () => {
    const { user } = await renderTimeline();
    await user.click(screen.getByRole('button', { name: /^Readings/ }));
    await expectRenderedToMatch({ kinds: ['reading'] });
    for (const link of renderedItemLinks()) expect(link).toHaveTextContent(/^Reading ·/);
    await user.click(screen.getByRole('button', { name: /^Coaching/ }));
    await expectRenderedToMatch({ kinds: ['reading', 'coaching'] });
    await user.click(screen.getByRole('button', { name: 'All types' }));
    await screen.findByText(formatItemCount(items.length));
  }, 60_000);

  it('filters by trial and by theme, and keeps the filters for the session', async () => {
    const trial = table('trials')[2] as GeneratedRecord;
    const { user, unmount } = await renderTimeline();
    await user.selectOptions(screen.getByLabelText('Trial'), String(trial.id));
    await expectRenderedToMatch({ trialId: String(trial.id) });
    await user.selectOptions(screen.getByLabelText('Theme'), 'attainment');
    await expectRenderedToMatch({ trialId: String(trial.id), theme: 'attainment' });
    unmount();

    await renderPage('/timeline', <TimelinePage />, '/timeline', repositories);
    await expectRenderedToMatch({ trialId: String(trial.id), theme: 'attainment' });
    expect(screen.getByLabelText('Theme')).toHaveValue('attainment');
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    await screen.findByText(formatItemCount(items.length));
    await user.selectOptions(screen.getByLabelText('Theme'), 'families');
    expect(await screen.findByRole('heading', { name: 'Nothing matches these filters' })).toBeInTheDocument();
  }, 60_000);

  it('opens an item where it lives when tapped', async () => {
    const { user, location } = await renderTimeline();
    const [first] = renderedItemLinks();
    const href = first?.getAttribute('href');
    const firstItem = groupTimeline(items, 'newest').find((row) => row.type === 'item');
    expect(href).toBe(firstItem?.type === 'item' ? firstItem.item.href : undefined);
    await user.click(first as HTMLAnchorElement);
    expect(location.history.at(-1)).toBe(href);
  }, 60_000);

  it('opens a programme event on the timeline itself', async () => {
    const { user } = await renderTimeline();
    await user.click(screen.getByRole('button', { name: /^Programme events/ }));
    const link = await screen.findByRole('link', { name: /Core workshop 1: leading change/ });
    expect(link).toHaveAttribute('href', '/timeline/events/event-1');
    fireEvent.click(link);
    const card = await screen.findByRole('region', { name: 'Core workshop 1: leading change' });
    expect(within(card).getByText('17 September 2026, 09:30')).toBeInTheDocument();
    expect(within(card).getByText('Riverside Centre')).toBeInTheDocument();
  }, 60_000);

  it('keeps up when a record changes', async () => {
    await renderTimeline();
    const entry = table('logEntries')[0] as GeneratedRecord;
    await repositories.logEntries.remove(entry.id);
    expect(await screen.findByText(formatItemCount(items.length - 1))).toBeInTheDocument();
    await repositories.logEntries.restore(entry.id);
    expect(await screen.findByText(formatItemCount(items.length))).toBeInTheDocument();
  }, 60_000);
});
