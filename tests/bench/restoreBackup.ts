// Bulk load in Chromium, the way a person does it: Settings → "Restore from a backup" of a
// backup file holding a year of writing (a new tablet, empty browser, signed out). Two times,
// both seen from the page: reading the chosen file (the change event on the file input to the
// "Restore N items" button appearing: parse, check every record) and restoring it (the click on
// that button to the "Restored N items" line painted: every record merged, stored and queued
// for sync). Then IndexedDB itself is counted.
import type { Page } from 'playwright-core';
import { BACKUP_FORMAT, BACKUP_VERSION, RESTORED_TABLES } from '../../src/domain/backup/backupFile';
import { newContext } from '../e2e/support/browser';
import { generateYear } from '../support/generateYear';
import { BENCH, type BenchApp } from './benchApp';
import { countRows, waitForDatabase } from './seedDevice';
import { count, medianSpread, repeat, seconds, type Rows } from './stats';

declare global {
  interface Window {
    __restoreChosenAt?: number;
    __restoreReadyAt?: number;
    __restoreClickAt?: number;
    __restoreDonePaintAt?: number;
  }
}

export const RESTORE_NOTE =
  'Restore: a backup file in the format of "Download everything I wrote" (version 2), holding a generated year of one person\'s own writing (log entries, the challenge and its versions, trials, measures, readings; no photos), is chosen in Settings → "Restore from a backup" of a fresh, signed-out browser context, then restored. Reading is the change event of the file input to the "Restore N items" button appearing; restoring is the click on that button to the frame after "Restored N items: N new on this device" appears; each run then counts the rows of logEntries and of the outbox in IndexedDB.';

const OWNER = 'bench-priya';

/** A backup file holding `items` records of the person's own writing, as JSON bytes. */
async function backupFile(items: number): Promise<{ bytes: Buffer; entries: number }> {
  const seed = 20_261_123;
  const own = (tables: Readonly<Record<string, unknown[]>>) => RESTORED_TABLES.reduce((sum, table) => sum + (tables[table]?.length ?? 0), 0);
  const others = own((await generateYear({ seed, owner: OWNER, entries: 0, photos: 0 })).tables);
  const entries = Math.max(0, items - others);
  const year = await generateYear({ seed, owner: OWNER, entries, photos: 0 });
  const file: Record<string, unknown> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    person: { userId: OWNER, displayName: 'Priya Shah' },
    coachingSessions: [],
    meetingRounds: [],
    meetingActions: [],
  };
  for (const table of RESTORED_TABLES) file[table] = year.tables[table] ?? [];
  return { bytes: Buffer.from(JSON.stringify(file)), entries };
}

interface RestoreTiming {
  readonly readMs: number;
  readonly restoreMs: number;
}

async function restoreOnce(page: Page, baseURL: string, file: { bytes: Buffer; entries: number }, items: number): Promise<RestoreTiming> {
  const itemsText = count(items);
  await page.addInitScript((text) => {
    document.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') window.__restoreChosenAt = performance.now();
    }, true);
    document.addEventListener('click', (event) => {
      if (event.target instanceof HTMLElement && event.target.textContent === `Restore ${text} items`) window.__restoreClickAt = performance.now();
    }, true);
    new MutationObserver(() => {
      if (window.__restoreReadyAt === undefined && [...document.querySelectorAll('button')].some((button) => button.textContent === `Restore ${text} items`)) {
        window.__restoreReadyAt = performance.now();
      }
      if (window.__restoreDonePaintAt === undefined && [...document.querySelectorAll('[role="status"]')].some((status) => status.textContent?.startsWith(`Restored ${text} items`))) {
        window.__restoreDonePaintAt = Number.NaN;
        requestAnimationFrame(() => {
          window.__restoreDonePaintAt = performance.now();
        });
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, itemsText);
  await page.goto(`${baseURL}/settings`);
  await waitForDatabase(page);
  await page.getByLabel('Choose a backup file').setInputFiles({ name: 'setwise-backup.json', mimeType: 'application/json', buffer: file.bytes });
  const restore = page.getByRole('button', { name: `Restore ${itemsText} items` });
  await restore.waitFor({ timeout: 120_000 });
  await restore.click();
  await page.waitForFunction(() => (window.__restoreDonePaintAt ?? Number.NaN) >= 0, undefined, { timeout: 300_000 });
  const line = (await page.getByRole('status').filter({ hasText: /^Restored/ }).textContent()) ?? '';
  if (!line.startsWith(`Restored ${itemsText} items: ${itemsText} new on this device`)) throw new Error(`Unexpected result: ${line}`);
  const [entries, outbox] = [await countRows(page, 'logEntries'), await countRows(page, 'outbox')];
  if (entries !== file.entries || outbox !== items) throw new Error(`IndexedDB holds ${entries} entries and ${outbox} outbox rows; expected ${file.entries} and ${items}.`);
  const [chosenAt, readyAt, clickAt, doneAt] = await page.evaluate(() => [window.__restoreChosenAt, window.__restoreReadyAt, window.__restoreClickAt, window.__restoreDonePaintAt]);
  return { readMs: (readyAt ?? Number.NaN) - (chosenAt ?? Number.NaN), restoreMs: (doneAt ?? Number.NaN) - (clickAt ?? Number.NaN) };
}

export async function restoreRows(app: BenchApp): Promise<Rows> {
  const file = await backupFile(BENCH.records);
  const runs = await repeat(BENCH.runs, async () => {
    const context = await newContext(app.browser);
    try {
      return await restoreOnce(await context.newPage(), app.baseURL, file, BENCH.records);
    } finally {
      await context.close();
    }
  });
  const size = `${(file.bytes.length / 2 ** 20).toFixed(1)} MB`;
  return [
    [`Restore a backup of ${count(BENCH.records)} records (Chromium, Settings, empty device): read and check the file (${size})`, medianSpread(runs.map((run) => run.readMs))],
    [`Restore: store them (and queue them for sync)`, medianSpread(runs.map((run) => run.restoreMs), seconds)],
  ];
}
