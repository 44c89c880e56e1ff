// Timeline first render, in Chromium: a generated year stored straight into the signed-out
// device database, then the time from navigation start of /timeline to the first item row
// on screen (its insertion into the document, plus the animation frame that paints it), and
// to the whole year being listed (the count line shows the total).
import type { Page } from 'playwright-core';
import { newContext } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { seedYear, waitForDatabase } from './seedDevice';
import { count, medianSpread, repeat, type Rows } from './stats';

declare global {
  interface Window {
    __timelineRowPaintAt?: number;
    __timelineAllAt?: number;
  }
}

export const TIMELINE_NOTE =
  'Timeline first render: a generated year (mostly log entries, plus the challenge, trials, measures, readings, rounds, actions and coaching) is written straight into the browser\'s IndexedDB, then /timeline is loaded again and again; measured from navigation start to the animation frame after the first item row is inserted, and to the count line showing every item.';

export interface TimelineRenderTiming {
  /** Per load, milliseconds from navigation start to the first row painted. */
  readonly rowMs: readonly number[];
  /** Per load, milliseconds from navigation start until every item is listed and counted. */
  readonly allMs: readonly number[];
  /** The page's own count line, e.g. "10,004 items" (a check that it read them all). */
  readonly countLine: string;
}

/** Seeds `records` records into the page's device, then loads /timeline `runs` times. */
export async function measureTimelineFirstRender(page: Page, baseURL: string, records: number, runs: number): Promise<TimelineRenderTiming> {
  // Load the app once so that Dexie creates the database and its tables.
  await page.goto(`${baseURL}/`);
  await waitForDatabase(page);
  await seedYear(page, records);

  // Every navigation records the frame after the first row appears, and when all are counted.
  await page.addInitScript(() => {
    new MutationObserver((_mutations, observer) => {
      if (window.__timelineRowPaintAt === undefined && document.querySelector('.timeline__item')) {
        window.__timelineRowPaintAt = Number.NaN;
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

  let countLine = '';
  const loads = await repeat(runs, async () => {
    await page.goto(`${baseURL}/timeline`);
    await page.waitForFunction(() => (window.__timelineRowPaintAt ?? Number.NaN) >= 0 && window.__timelineAllAt !== undefined, undefined, { timeout: 60_000 });
    countLine = (await page.locator('.timeline__count').textContent()) ?? '';
    return page.evaluate(() => [window.__timelineRowPaintAt ?? Number.NaN, window.__timelineAllAt ?? Number.NaN] as const);
  });
  return { rowMs: loads.map(([row]) => row), allMs: loads.map(([, all]) => all), countLine };
}

export async function timelineRows(app: BenchApp): Promise<Rows> {
  const context = await newContext(app.browser);
  try {
    const timing = await measureTimelineFirstRender(await context.newPage(), app.baseURL, BENCH.records, BENCH.runs);
    return [
      [`Timeline first render, ${count(BENCH.records)} records (Chromium): first row painted`, medianSpread(timing.rowMs, undefined, 'loads')],
      [`Timeline: all ${timing.countLine} listed`, medianSpread(timing.allMs, undefined, 'loads')],
    ];
  } finally {
    await context.close();
  }
}
