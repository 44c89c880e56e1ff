// Timeline first render, in Chromium: a generated year stored straight into the signed-out
// device database, then the time from navigation start of /timeline to the first item row
// on screen (its insertion into the document, plus the animation frame that paints it), and
// to the whole year being listed (the count line shows the total).
import type { Page } from 'playwright-core';
import { generateYear } from '../support/generateYear';
import { median } from './stats';

declare global {
  interface Window {
    __timelineRowAt?: number;
    __timelineRowPaintAt?: number;
    __timelineAllAt?: number;
  }
}

export interface TimelineRenderTiming {
  /** Median of the runs, in milliseconds from navigation start to the first row painted. */
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  /** Median time from navigation start until every item is listed and counted. */
  readonly allMedianMs: number;
  /** Records stored on the device. */
  readonly records: number;
  /** The page's own count line, e.g. "10,044 items" (a check that it read them all). */
  readonly countLine: string;
}

const OWNER = 'local'; // signed out: the device's records belong to LOCAL_OWNER

async function waitForDatabase(page: Page, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Only open it once it exists: opening a missing database would create an empty one.
    const ready = await page.evaluate(async () => {
      const exists = (await indexedDB.databases()).some((info) => info.name === 'setwise');
      if (!exists) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('setwise');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const hasTables = db.objectStoreNames.contains('logEntries') && db.objectStoreNames.contains('calendarEvents');
      db.close();
      return hasTables;
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('The app did not create its database "setwise" in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Seeds `count` generated records (a year of one participant: mostly log entries, plus the
 * challenge, revisions, trials, measures, readings, rounds, actions and coaching) into the
 * page's IndexedDB, then loads /timeline `runs` times and returns the median time to the
 * first item row.
 */
export async function measureTimelineFirstRender(page: Page, baseURL: string, count: number, runs = 5): Promise<TimelineRenderTiming> {
  // Load the app once so that Dexie creates the database and its tables.
  await page.goto(`${baseURL}/`);
  await waitForDatabase(page);

  const seed = 20_260_901;
  const extras = (await generateYear({ seed, owner: OWNER, entries: 0, photos: 0 })).total;
  const year = await generateYear({ seed, owner: OWNER, entries: Math.max(0, count - extras), photos: 0 });
  // No named inner functions in page.evaluate: tsx would wrap them in a helper the page lacks.
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const names = Object.keys(tables).filter((name) => (tables[name] ?? []).length > 0);
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(names, 'readwrite');
        for (const name of names) {
          const store = transaction.objectStore(name);
          for (const record of tables[name] ?? []) store.put(record);
        }
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }, year.tables);

  // Every navigation records when the first row appears, and the frame after (when it paints).
  await page.addInitScript(() => {
    new MutationObserver((_mutations, observer) => {
      if (window.__timelineRowAt === undefined && document.querySelector('.timeline__item')) {
        window.__timelineRowAt = performance.now();
        requestAnimationFrame(() => {
          window.__timelineRowPaintAt = performance.now();
        });
      }
      if (/\d items?$/.test(document.querySelector('.timeline__count')?.textContent ?? '')) {
        window.__timelineAllAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });

  const runsMs: number[] = [];
  const allMs: number[] = [];
  let countLine = '';
  for (let run = 0; run < runs; run += 1) {
    await page.goto(`${baseURL}/timeline`);
    await page.waitForFunction(() => window.__timelineRowPaintAt !== undefined && window.__timelineAllAt !== undefined, undefined, {
      timeout: 60_000,
    });
    const [rowMs, everyMs] = await page.evaluate(() => [window.__timelineRowPaintAt ?? Number.NaN, window.__timelineAllAt ?? Number.NaN]);
    runsMs.push(rowMs as number);
    allMs.push(everyMs as number);
    countLine = (await page.locator('.timeline__count').textContent()) ?? '';
  }
  return { medianMs: median(runsMs), runsMs, allMedianMs: median(allMs), records: year.total, countLine };
}
