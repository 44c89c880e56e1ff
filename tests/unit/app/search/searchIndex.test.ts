// The search index over a generated year of 10,000 log entries (plus trials, rounds, coaching):
// what it finds, how it follows edits and deletes, and reloading without a rebuild.
import { waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { observeRemoteClock } from '../../../../src/app/db/deviceClock';
import { createSearchIndex, type SearchIndex } from '../../../../src/app/db/search/createSearchIndex';
import type { SearchResults } from '../../../../src/app/db/search/searchOptions';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { generateYear, type GeneratedRecord } from '../../../support/generateYear';
import { putYear } from '../../../support/putYear';

const SEED = Number(process.env.SEARCH_SEED ?? Math.floor(Math.random() * 1_000_000));
const ME = 'user-priya';
const SOMEONE_ELSE = 'user-tom';
const PLANTED = 'quokka';
const ENTRIES = 10_000;

let db: SetwiseDatabase;
let repos: Repositories;
let index: SearchIndex;
let planted: string[] = [];

const ids = (results: SearchResults) => results.results.map((hit) => hit.id).sort();
const entryKey = (id: string) => `logEntries:${id}`;
const all = (query: string, searchIndex = index) => searchIndex.search(query, { limit: 100_000 });

function copyOf(record: GeneratedRecord, fields: Record<string, unknown>): GeneratedRecord {
  return { ...record, ...fields, id: `${record.id}-copy-${String(fields.owner ?? '')}` };
}

beforeAll(async () => {
  console.log(`search index test: generateYear seed ${SEED} (SEARCH_SEED=${SEED} repeats it)`);
  const year = await generateYear({ seed: SEED, owner: ME, entries: ENTRIES });
  const entries = year.tables.logEntries ?? [];
  // Plant a word no generated sentence holds into a few entries spread over the year.
  planted = [];
  for (let i = SEED % 97; i < entries.length; i += 1379) {
    const entry = entries[i];
    if (!entry) continue;
    entry.body = `${String(entry.body)} A ${PLANTED} on the working wall made Year 2 laugh.`;
    planted.push(entry.id);
  }
  const first = entries[0] as GeneratedRecord;
  const round = (year.tables.meetingRounds ?? [])[0] as GeneratedRecord;
  const session = (year.tables.coachingSessions ?? [])[0] as GeneratedRecord;
  const trial = (year.tables.trials ?? [])[0] as GeneratedRecord;
  // Other people's writing on this device, holding the same word: never a result.
  const othersEntries = [
    copyOf(first, { owner: SOMEONE_ELSE, body: `My private ${PLANTED} note`, visibility: 'private' }),
    copyOf(first, { owner: SOMEONE_ELSE, body: `Shared with the set: ${PLANTED}`, visibility: 'set' }),
  ];
  const othersTrial = copyOf(trial, { owner: SOMEONE_ELSE, what: `${PLANTED} club`, visibility: 'set' });
  const othersCoaching = copyOf(session, { owner: 'coach-x', coachId: 'coach-x', participantId: SOMEONE_ELSE, notes: `${PLANTED} plans` });
  const otherSetRound = copyOf(round, { owner: 'fac-x', setId: 'set-elsewhere', update: `${PLANTED} update` });
  db = new SetwiseDatabase(`search-${crypto.randomUUID()}`);
  await putYear(db, year, ME);
  // Stored as they arrive from a pull (putYear stores generated records the same way).
  await db.table('logEntries').bulkPut(othersEntries);
  await db.table('trials').put(othersTrial);
  await db.table('coachingSessions').put(othersCoaching);
  await db.table('meetingRounds').put(otherSetRound);
  await db.memberships.put({
    id: 'm-priya', owner: 'coordinator', createdAt: first.createdAt as string, updatedAt: first.createdAt as string, deletedAt: null, clocks: {},
    cohortId: 'cohort-1', userId: ME, displayName: 'Priya Shah', role: 'participant', setId: `set-${SEED}`, coacheeId: null, status: 'active', withdrawnOn: null,
  });
  // The generated year is stamped up to July 2027; a device holding it has seen those stamps,
  // so its own edits sort after them (as observeRemoteClock does after a pull).
  const latest = Object.values(year.tables).flat().flatMap((record) => Object.values(record.clocks as Record<string, string>)).sort().at(-1);
  await db.transaction('rw', db.meta, () => observeRemoteClock(db, { serverTime: Date.now(), localTimeAtResponse: Date.now(), latestStamp: latest }));
  repos = createRepositories(db);
  const started = performance.now();
  index = createSearchIndex(db, { saveDelayMs: 20 });
  await index.ready();
  console.log(`search index test: ${year.total + 5} records indexed in ${Math.round(performance.now() - started)} ms`);
}, 180_000);

afterAll(async () => {
  await index.dispose();
  db.close();
  await db.delete();
});

describe('search index over a generated year', () => {
  it('finds exactly the entries holding a rare planted word, and nobody else’s writing', () => {
    expect(planted.length).toBeGreaterThanOrEqual(7);
    const found = all(PLANTED);
    expect(ids(found)).toEqual(planted.map(entryKey).sort());
    expect(found.total).toBe(planted.length);
    expect(index.stats().builtFromScratch).toBe(1);
  });

  it('matches by prefix: "phon" finds phonics, across entries, trials, rounds and coaching', () => {
    const found = all('phon');
    expect(found.total).toBeGreaterThan(100);
    for (const hit of found.results) expect(hit.terms.some((term) => term.startsWith('phon'))).toBe(true);
    expect(found.results.some((hit) => hit.terms.includes('phonics'))).toBe(true);
    const marked = found.results.find((hit) => hit.snippet.ranges.length > 0);
    const [start, end] = marked?.snippet.ranges[0] ?? [0, 0];
    expect(marked?.snippet.text.slice(start, end).toLowerCase()).toMatch(/^phon/);
    // Limited results still count them all.
    const limited = index.search('phon', { limit: 50 });
    expect(limited.results).toHaveLength(50);
    expect(limited.total).toBe(found.total);
  });

  it('follows an edit, even when the edit leaves updatedAt as it was', async () => {
    const id = planted.at(-1) as string;
    const before = await db.logEntries.get(id);
    await repos.logEntries.update(id, { body: 'Rewrote this after the xylophone assembly.' });
    // The generated entry is dated in the future: the merge keeps its later updatedAt.
    expect((await db.logEntries.get(id))?.updatedAt).toBe(before?.updatedAt);
    await waitFor(() => expect(ids(all('xylophone'))).toEqual([entryKey(id)]));
    expect(ids(all(PLANTED))).not.toContain(entryKey(id));
  });

  it('drops a deleted entry, and brings it back on undo', async () => {
    const id = planted[1] as string;
    await repos.logEntries.remove(id);
    await waitFor(() => expect(ids(all(PLANTED))).not.toContain(entryKey(id)));
    await repos.logEntries.restore(id);
    await waitFor(() => expect(ids(all(PLANTED))).toContain(entryKey(id)));
  });

  it('after a reload gives the same results without rebuilding, and catches up changes made while closed', async () => {
    const queries = [PLANTED, 'phon', 'learning walk', 'SENCO', 'xylophone', 'moder', 'Delegation'];
    const before = queries.map((query) => all(query));
    await index.dispose();
    index = createSearchIndex(db, { saveDelayMs: 20 });
    await index.ready();
    expect(index.stats()).toMatchObject({ builtFromScratch: 0, loadedFromDevice: 1, changesApplied: 0 });
    expect(queries.map((query) => all(query))).toEqual(before);

    // Closed: an edit, a delete and a new entry.
    await index.dispose();
    const [edited, deleted] = [planted[2] as string, planted[3] as string];
    await repos.logEntries.update(edited, { body: 'Marimba lessons for the TAs.' });
    await repos.logEntries.remove(deleted);
    const created = await repos.logEntries.create({ occurredAt: new Date().toISOString(), body: `Another ${PLANTED} sighting`, tags: ['ocarina'] });
    index = createSearchIndex(db, { saveDelayMs: 20 });
    await index.ready();
    expect(index.stats()).toMatchObject({ builtFromScratch: 0, loadedFromDevice: 1, changesApplied: 3 });
    expect(ids(all('marimba'))).toEqual([entryKey(edited)]);
    expect(ids(all('ocarina'))).toEqual([entryKey(created.id)]);
    const expected = [...planted.filter((id) => id !== planted.at(-1) && id !== edited && id !== deleted), created.id].map(entryKey).sort();
    expect(ids(all(PLANTED))).toEqual(expected);
  });

  it('rebuilds from the records when the saved index is of another version', async () => {
    const expected = ids(all(PLANTED));
    await index.dispose();
    await db.searchIndex.update('journal', { version: 0 });
    index = createSearchIndex(db, { saveDelayMs: 20 });
    await index.ready();
    expect(index.stats()).toMatchObject({ builtFromScratch: 1, loadedFromDevice: 0 });
    expect(ids(all(PLANTED))).toEqual(expected);
  });
});
