// Search latency of the index alone, in Node: a generated year of `count` records on a device
// database (fake-indexeddb), the search index built from them (and reloaded from its saved
// copy), then 50 queries — whole words and the first letters of words, as typed — timed one by
// one, results and highlighting included. `npm run bench` measures search on the real page in
// Chromium instead (searchInBrowser.ts, with the same queries); run this by hand to look at the
// index without the page: `npx tsx tests/bench/searchLatency.ts [count]`.
import 'fake-indexeddb/auto';
import { pathToFileURL } from 'node:url';
import { createSearchIndex } from '../../src/app/db/search/createSearchIndex';
import { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import { generateYear } from '../support/generateYear';
import { putYear } from '../support/putYear';
import { QUERIES } from './searchQueries';
import { median, percentile } from './stats';

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await measureSearchLatency(Number(process.argv[2] ?? 10_000));
  console.log(result);
}
