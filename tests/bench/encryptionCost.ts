// What a passcode costs (issue 8): saving an entry, and opening the timeline with 10,000
// records, on the same device without and then with a passcode (encryption at rest), in
// Chromium. Measured from outside the app: clicks, the DOM, and raw IndexedDB row counts.
import type { Page } from 'playwright-core';
import { newContext } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { seedYear, waitForDatabase } from './seedDevice';
import { count, medianSpread, percentile, median, ms, seconds, type Rows } from './stats';

const PASSCODE = 'bench passcode 2026';
const SAVES = 40;

declare global {
  interface Window {
    __benchFirstRowAt?: number;
    __benchAllAt?: number;
  }
}

export const ENCRYPTION_NOTE =
  'Passcode cost: one device, first without a passcode, then with one set through Settings (which seals every row). Saving: from the click on "Save entry" to the new row being in IndexedDB (raw row count), 40 saves each. Timeline: from the click on the Timeline link (after the app is open, and unlocked) to the first row painted and to every item counted. Unlocking: from the click on Unlock to the app shown (PBKDF2-SHA-256, 600,000 iterations).';

async function logEntryRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('logEntries').objectStore('logEntries').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  });
}

/** Milliseconds from the Save click to the entry's row in IndexedDB, `saves` times. */
async function saveTimes(page: Page, saves: number): Promise<number[]> {
  const times: number[] = [];
  for (let save = 0; save < saves; save += 1) {
    await page.getByLabel('What happened?').fill(`Bench entry ${save}: a short note about the learning walk and what the team tried.`);
    const before = await logEntryRows(page);
    const started = Date.now();
    await page.getByRole('button', { name: 'Save entry' }).click();
    while ((await logEntryRows(page)) <= before) await new Promise((resolve) => setTimeout(resolve, 2));
    times.push(Date.now() - started);
    await page.getByLabel('What happened?').waitFor();
  }
  return times;
}

/** From the click on the Timeline link to the first row painted and to every item counted. */
async function timelineOpen(page: Page): Promise<[number, number]> {
  await page.evaluate(() => {
    window.__benchFirstRowAt = undefined;
    window.__benchAllAt = undefined;
    new MutationObserver((_mutations, observer) => {
      if (window.__benchFirstRowAt === undefined && document.querySelector('.timeline__item')) {
        window.__benchFirstRowAt = Number.NaN;
        requestAnimationFrame(() => {
          window.__benchFirstRowAt = performance.now();
        });
      }
      if (/\d items?$/.test(document.querySelector('.timeline__count')?.textContent ?? '')) {
        window.__benchAllAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole('link', { name: 'Timeline' }).first().click();
  await page.waitForFunction(() => (window.__benchFirstRowAt ?? Number.NaN) >= 0 && window.__benchAllAt !== undefined, undefined, { timeout: 120_000 });
  const [row, all] = await page.evaluate(() => [window.__benchFirstRowAt ?? Number.NaN, window.__benchAllAt ?? Number.NaN] as const);
  return [row - clickedAt, all - clickedAt];
}

async function unlock(page: Page): Promise<number> {
  await page.getByLabel('Passcode').fill(PASSCODE);
  const started = Date.now();
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('navigation').first().waitFor({ timeout: 30_000 });
  return Date.now() - started;
}

async function openApp(page: Page, baseURL: string, locked: boolean): Promise<number | null> {
  await page.goto(`${baseURL}/`);
  if (!locked) {
    await page.getByRole('navigation').first().waitFor();
    return null;
  }
  await page.getByRole('heading', { name: 'Setwise is locked' }).waitFor();
  return unlock(page);
}

export async function encryptionCostRows(app: BenchApp): Promise<Rows> {
  const context = await newContext(app.browser);
  try {
    const page = await context.newPage();
    await page.goto(`${app.baseURL}/`);
    await waitForDatabase(page);
    const seeded = await seedYear(page, BENCH.records);

    const measure = async (locked: boolean) => {
      const timeline: [number, number][] = [];
      const unlocks: number[] = [];
      for (let run = 0; run < BENCH.runs; run += 1) {
        const unlocked = await openApp(page, app.baseURL, locked);
        if (unlocked !== null) unlocks.push(unlocked);
        timeline.push(await timelineOpen(page));
      }
      await openApp(page, app.baseURL, locked);
      const saves = await saveTimes(page, SAVES);
      return { timeline, unlocks, saves };
    };
    const clear = await measure(false);

    await page.goto(`${app.baseURL}/settings`);
    await page.getByRole('button', { name: 'Set a passcode…' }).click();
    await page.getByLabel('New passcode').fill(PASSCODE);
    await page.getByLabel('Type it again').fill(PASSCODE);
    const sealStarted = Date.now();
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByText('Passcode set. Everything on this tablet is now encrypted.').waitFor({ timeout: 600_000 });
    const sealMs = Date.now() - sealStarted;
    const sealed = await measure(true);

    const saveLine = (values: number[]) => `p50 ${ms(median(values))}, p95 ${ms(percentile(values, 95))} (${values.length} saves)`;
    const records = count(seeded);
    return [
      ['Passcode: save an entry (click → row in IndexedDB), no passcode', saveLine(clear.saves)],
      ['Passcode: save an entry, with a passcode (sealed)', saveLine(sealed.saves)],
      [`Passcode: open the timeline, ${records} records, first row painted — no passcode`, medianSpread(clear.timeline.map(([row]) => row))],
      [`Passcode: open the timeline, ${records} records, first row painted — with a passcode`, medianSpread(sealed.timeline.map(([row]) => row))],
      [`Passcode: open the timeline, ${records} records, all counted — no passcode`, medianSpread(clear.timeline.map(([, all]) => all))],
      [`Passcode: open the timeline, ${records} records, all counted — with a passcode`, medianSpread(sealed.timeline.map(([, all]) => all))],
      ['Passcode: unlock (PBKDF2-SHA-256, 600,000 iterations, then the app shown)', medianSpread(sealed.unlocks)],
      [`Passcode: setting it, sealing ${records} records already on the device`, seconds(sealMs)],
    ];
  } finally {
    await context.close();
  }
}
