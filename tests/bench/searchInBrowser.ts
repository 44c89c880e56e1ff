// Search at scale, in Chromium on the real /search page: a generated year written straight into
// the device's IndexedDB (as for the timeline), then
// - the first search on the device: /search?q=… opened with no saved index, from navigation
//   start to the results painted (the page's chunk, the index's chunk, reading every record,
//   building the index, searching, rendering);
// - a later first search: the same with the index saved by the app (loaded and caught up);
// - queries typed into the open page: each query put into the emptied box in one input event,
//   from that event to the results painted. The page first shows "Getting your writing ready…"
//   for the new query; a run where it did not (stale results still on screen) is done again.
import type { Page } from 'playwright-core';
import { newContext } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { QUERIES } from './searchQueries';
import { clearTable, countRows, seedYear, waitForDatabase } from './seedDevice';
import { count, medianSpread, ms, percentile, median, repeat, type Rows } from './stats';

declare global {
  interface Window {
    __searchInputAt?: number;
    __searchPendingSeen?: boolean;
    __searchShownPaintAt?: number;
  }
}

export const SEARCH_NOTE =
  `Search in Chromium: a generated year is written straight into IndexedDB as for the timeline. "First search" opens /search?q=phonics on a device with no saved index and times navigation start to the frame after the results (or "No matches") appear: the page's code, the index's code, reading the records, building the index and showing the results. "Later first search" is the same with the index the app saved. Queries: ${QUERIES.length} queries (whole words and the first letters of words) put one at a time into the emptied search box in one input event, timed from that event to the frame after their results appear; highlighting included. The earlier figure from Node (tests/bench/searchLatency.ts: MiniSearch alone on fake-indexeddb) is no longer in the table; run it by hand to look at the index without the page.`;

const FIRST_QUERY = 'phonics';

/** Installed on every navigation: when a query was typed, and the frame after its results showed. */
async function observeResults(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener(
      'input',
      (event) => {
        if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search' || event.target.value === '') return;
        window.__searchInputAt = performance.now();
        window.__searchPendingSeen = false;
        window.__searchShownPaintAt = undefined;
      },
      true,
    );
    new MutationObserver(() => {
      if (window.__searchShownPaintAt !== undefined) return;
      const statuses = [...document.querySelectorAll('[role="status"]')].map((status) => status.textContent ?? '');
      if (statuses.some((text) => text.startsWith('Getting your writing ready'))) window.__searchPendingSeen = true;
      if (document.querySelector('ol.search-results') || statuses.some((text) => text.startsWith('No matches for'))) {
        window.__searchShownPaintAt = Number.NaN;
        requestAnimationFrame(() => {
          window.__searchShownPaintAt = performance.now();
        });
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
}

async function shownPaintAt(page: Page): Promise<number> {
  await page.waitForFunction(() => (window.__searchShownPaintAt ?? Number.NaN) >= 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => window.__searchShownPaintAt ?? Number.NaN);
}

/** Navigation start of /search?q=… to its results painted. */
async function openWithQuery(page: Page, baseURL: string): Promise<number> {
  await page.goto(`${baseURL}/search?q=${encodeURIComponent(FIRST_QUERY)}`);
  return shownPaintAt(page);
}

async function waitForSavedIndex(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await countRows(page, 'searchIndex')) === 0) {
    if (Date.now() > deadline) throw new Error('The app did not save its search index within a minute.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One query typed into the open page: its input event to its results painted. */
async function typeQuery(page: Page, query: string): Promise<number> {
  const box = page.getByLabel('Search your writing');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await box.fill('');
    // The emptied box searches for nothing; let that answer land so no stale results stay shown.
    await page.waitForTimeout(150 + attempt * 500);
    await box.fill(query);
    const paintedAt = await shownPaintAt(page);
    const [inputAt, pendingSeen] = await page.evaluate(() => [window.__searchInputAt ?? Number.NaN, window.__searchPendingSeen === true] as const);
    if (pendingSeen) return paintedAt - inputAt;
  }
  throw new Error(`The results for "${query}" never followed a fresh "Getting your writing ready…".`);
}

export async function searchRows(app: BenchApp): Promise<Rows> {
  const context = await newContext(app.browser);
  try {
    const page = await context.newPage();
    // Settings does not open the search index (only the search page does).
    await page.goto(`${app.baseURL}/settings`);
    await waitForDatabase(page);
    const records = await seedYear(page, BENCH.records);
    await observeResults(page);

    const firstBuild = await repeat(BENCH.runs, async () => {
      await page.goto(`${app.baseURL}/settings`);
      await clearTable(page, 'searchIndex');
      return openWithQuery(page, app.baseURL);
    });
    await waitForSavedIndex(page);
    const fromSaved = await repeat(BENCH.runs, () => openWithQuery(page, app.baseURL));
    const queries = await repeat(QUERIES.length, (index) => typeQuery(page, QUERIES[index] as string));
    const size = `${count(records)} records (Chromium, /search)`;
    return [
      [`Search, ${size}: first search on the device, index built`, medianSpread(firstBuild, undefined, 'loads')],
      [`Search: later first search, saved index loaded`, medianSpread(fromSaved, undefined, 'loads')],
      [`Search: typed query to results painted`, `median ${ms(median(queries))}, p95 ${ms(percentile(queries, 95))}, max ${ms(Math.max(...queries))} (${queries.length} queries)`],
    ];
  } finally {
    await context.close();
  }
}
