// Search latency: a generated year of `count` records on a device database (fake-indexeddb in
// Node), the search index built from them (and reloaded from its saved copy), then 50 queries —
// whole words and the first letters of words, as typed — timed one by one, results and
// highlighting included.
import 'fake-indexeddb/auto';
import { createSearchIndex } from '../../src/app/db/search/createSearchIndex';
import { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import { generateYear } from '../support/generateYear';
import { putYear } from '../support/putYear';
import { median, percentile } from './stats';

const QUERIES = [
  'phonics', 'phon', 'learning walk', 'learn', 'SENCO', 'sen', 'attendance', 'atten', 'moderation', 'moder',
  'pupil voice', 'pup', 'behaviour', 'behav', 'transition', 'trans', 'home visit', 'hom', 'working wall', 'work',
  'feedback', 'feed', 'INSET', 'ins', 'marking', 'mark', 'questioning', 'quest', 'lesson study', 'less',
  'coaching conversation', 'coach', 'reading buddies', 'read', 'data drop', 'dat', 'change team', 'chan', 'Year 2', 'KS1',
  'parents evening', 'paren', 'filmed lesson', 'film', 'went well', 'noticed', 'worried', 'pleased', 'delegation', 'diagnostic',
];

export interface SearchLatency {
  /** Records on the device (all tables of the generated year). */
  readonly records: number;
  /** Building the index from the records, until it is ready to search. */
  readonly buildMs: number;
  /** Opening again from the saved index and catching up (what a reload costs). */
  readonly reloadMs: number;
  readonly queries: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export async function measureSearchLatency(count: number): Promise<SearchLatency> {
  const owner = 'bench-priya';
  const seed = 2026;
  // Whatever the year holds besides log entries, then entries to make `count` records in all.
  const others = (await generateYear({ seed, owner, entries: 0, photos: 0 })).total;
  const year = await generateYear({ seed, owner, entries: Math.max(0, count - others), photos: 0 });
  const db = new SetwiseDatabase(`bench-search-${crypto.randomUUID()}`);
  try {
    await putYear(db, year, owner);
    const buildStart = performance.now();
    const built = createSearchIndex(db, { saveDelayMs: 60_000 });
    await built.ready();
    const buildMs = performance.now() - buildStart;
    await built.dispose();

    const reloadStart = performance.now();
    const index = createSearchIndex(db, { saveDelayMs: 60_000 });
    await index.ready();
    const reloadMs = performance.now() - reloadStart;
    if (index.stats().builtFromScratch !== 0) throw new Error('the reload rebuilt the index');

    const timings: number[] = [];
    for (const query of QUERIES) {
      const start = performance.now();
      const found = index.search(query, { limit: 50 });
      timings.push(performance.now() - start);
      if (found.query !== query) throw new Error(`unexpected query ${found.query}`);
    }
    await index.dispose();
    return { records: year.total, buildMs, reloadMs, queries: timings.length, medianMs: median(timings), p95Ms: percentile(timings, 95) };
  } finally {
    db.close();
    await db.delete();
  }
}
