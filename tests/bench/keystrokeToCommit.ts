// Keystroke → committed in IndexedDB, in Chromium: type one character into the new-entry box,
// then poll the raw IndexedDB until the autosaved draft holds it.
import type { Page } from 'playwright-core';
import { newContext } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { median, medianSpread, ms, percentile, repeat, type Rows } from './stats';

declare global {
  interface Window {
    __benchKeyAt?: number;
  }
}

async function readDraftBody(page: Page, expectedLength: number): Promise<number> {
  return page.evaluate(async (length) => {
    const giveUpAt = performance.now() + 10_000;
    // No named inner functions here: tsx would wrap them in a helper the page does not have.
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      for (;;) {
        const body = await new Promise<string>((resolve) => {
          const request = db.transaction('drafts').objectStore('drafts').get('new-entry');
          request.onsuccess = () => resolve((request.result?.value?.body as string | undefined) ?? '');
          request.onerror = () => resolve('');
        });
        if (body.length >= length) return performance.now();
        // A bench must end: after 10 s report it rather than poll for ever.
        if (performance.now() > giveUpAt) throw new Error(`The draft never reached ${length} characters (it has ${body.length}).`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    } finally {
      db.close();
    }
  }, expectedLength);
}

/** Milliseconds from each keydown to the draft holding that character, for `count` keystrokes. */
export async function measureKeystrokeToCommit(page: Page, baseURL: string, count: number): Promise<number[]> {
  await page.addInitScript(() => {
    window.addEventListener('keydown', () => (window.__benchKeyAt = performance.now()), true);
  });
  await page.goto(`${baseURL}/journal/new`);
  const box = page.getByLabel('What happened?');
  await box.click();
  const samples: number[] = [];
  const text = 'Learning walk in KS1 phonics groups, strong modelling by the TA. ';
  for (let i = 0; i < count; i += 1) {
    await box.press(text[i % text.length] === ' ' ? 'Space' : (text[i % text.length] as string));
    const keyAt = await page.evaluate(() => window.__benchKeyAt ?? 0);
    // What the box holds is what must reach the device (a key can be swallowed by the page).
    const committedAt = await readDraftBody(page, (await box.inputValue()).length);
    samples.push(committedAt - keyAt);
  }
  return samples;
}

/** Edits per run; the figure is over BENCH.runs runs of this many (500 at full size). */
const EDITS_PER_RUN = 100;

export const KEYSTROKE_NOTE =
  'Keystroke → committed: on /journal/new, one character at a time, measured from the keydown event to the moment a read of IndexedDB (polled every 2 ms) finds the character in the autosaved draft, so it includes React\'s render, the autosave and the IndexedDB commit. Each run is a fresh browser context.';

export async function keystrokeRows(app: BenchApp): Promise<Rows> {
  const runs = await repeat(BENCH.runs, async () => {
    const context = await newContext(app.browser);
    try {
      return await measureKeystrokeToCommit(await context.newPage(), app.baseURL, EDITS_PER_RUN);
    } finally {
      await context.close();
    }
  });
  const all = runs.flat();
  return [
    [
      `Keystroke → committed in IndexedDB (Chromium; ${BENCH.runs}×${EDITS_PER_RUN} edits)`,
      `p50 ${ms(median(all))}, p95 ${ms(percentile(all, 95))}, max ${ms(Math.max(...all))}; p50 of each run: ${medianSpread(runs.map((run) => median(run)))}`,
    ],
  ];
}
