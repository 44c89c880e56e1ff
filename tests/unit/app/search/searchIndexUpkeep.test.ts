// How the index keeps up with changes that are not one record at a time: a pull's bulk write,
// a renamed member, joining a set, another tab's write.
import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchIndex } from '../../../../src/app/db/search/createSearchIndex';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import type { LogEntry } from '../../../../src/domain/logEntry';
import type { Membership } from '../../../../src/domain/sets/membership';

const ME = 'user-priya';
const stamp = { createdAt: '2026-05-14T09:00:00.000Z', updatedAt: '2026-05-14T09:00:00.000Z', deletedAt: null, clocks: {} };
const member = (id: string, userId: string, displayName: string, setId: string): Membership => ({
  ...stamp, id, owner: 'coordinator', cohortId: 'c1', userId, displayName, role: 'participant', setId, coacheeId: null, status: 'active', withdrawnOn: null,
});
const entry = (id: string, body: string): LogEntry => ({
  ...stamp, id, owner: ME, occurredAt: stamp.createdAt, body, template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'private',
});

let db: SetwiseDatabase;
let index: SearchIndex;

beforeEach(async () => {
  db = new SetwiseDatabase(`search-upkeep-${crypto.randomUUID()}`);
  await db.meta.put({ key: 'owner', value: ME });
  await db.memberships.bulkPut([member('m1', ME, 'Priya Shah', 'set-a'), member('m2', 'user-tom', 'Tom Reed', 'set-a')]);
  await db.meetings.put({ ...stamp, id: 'meet-1', owner: 'user-fac', setId: 'set-a', heldOn: '2026-05-14', place: '', attendance: {}, checkIn: '', sharedLearning: '', roundMinutes: 20, stage: 'closed' });
  await db.meetingRounds.put({ ...stamp, id: 'round-1', owner: 'user-fac', meetingId: 'meet-1', setId: 'set-a', presenterId: 'user-tom', position: 0, update: 'Lunchtime clubs.', questions: '', suggestions: '', memberNotes: '' });
  index = createSearchIndex(db, { saveDelayMs: 10 });
  await index.ready();
});

afterEach(async () => {
  await index.dispose();
  db.close();
  await db.delete();
});

const titles = (query: string) => index.search(query).results.map((hit) => hit.title.text);

describe('search index upkeep', () => {
  it('takes in a bulk write (as a pull stores a page of records)', async () => {
    const before = index.stats().fullCatchUps;
    await db.logEntries.bulkPut(Array.from({ length: 120 }, (_, i) => entry(`pulled-${i}`, `Pulled entry ${i} about governors`)));
    await waitFor(() => expect(index.search('governors').total).toBe(120));
    expect(index.stats().fullCatchUps).toBeGreaterThan(before);
  });

  it('renames a presenter when their membership changes', async () => {
    expect(titles('lunchtime')).toEqual(['Tom Reed’s round at the meeting of 14 May 2026']);
    await db.memberships.update('m2', { displayName: 'Tom Reed-Okafor', updatedAt: '2026-06-01T09:00:00.000Z' });
    await waitFor(() => expect(titles('lunchtime')).toEqual(['Tom Reed-Okafor’s round at the meeting of 14 May 2026']));
    expect(index.search('Okafor').total).toBe(1);
  });

  it('finds a set’s meetings once the person joins it, and not after they leave', async () => {
    await db.meetings.put({ ...stamp, id: 'meet-2', owner: 'user-fac', setId: 'set-b', heldOn: '2026-06-04', place: '', attendance: {}, checkIn: 'Budget worries all round.', sharedLearning: '', roundMinutes: 20, stage: 'closed' });
    await waitFor(() => expect(index.stats().changesApplied).toBeGreaterThan(0));
    expect(index.search('budget').total).toBe(0);
    await db.memberships.put(member('m3', ME, 'Priya Shah', 'set-b'));
    await waitFor(() => expect(index.search('budget').total).toBe(1));
    await db.memberships.update('m3', { status: 'withdrawn' });
    await waitFor(() => expect(index.search('budget').total).toBe(0));
  });

  it('follows a write made through another connection to the database (another tab)', async () => {
    const otherTab = new SetwiseDatabase(db.name);
    await otherTab.logEntries.put(entry('from-tab', 'Written in the other tab: pastoral team'));
    await waitFor(() => expect(index.search('pastoral').total).toBe(1));
    otherTab.close();
  });

  it('saves itself a moment after a change', async () => {
    const saves = index.stats().saves;
    await db.logEntries.put(entry('e-save', 'Saved soon after: peer observation'));
    await waitFor(() => expect(index.stats().saves).toBeGreaterThan(saves));
    const row = await db.searchIndex.get('journal');
    expect(row?.indexed['logEntries:e-save']).toMatch(/^2026-05-14T09:00:00.000Z\|/);
  });
});
