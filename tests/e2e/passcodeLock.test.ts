// A shared tablet with a passcode: the journal is encrypted in IndexedDB, a reload shows only
// the lock screen, wrong passcodes are refused with a growing wait (kept across reloads), the
// right one opens everything — also offline, served by the service worker.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForServiceWorker } from './support/browser';
import { makePng, readAllIndexedDbAsText } from './support/readIndexedDb';
import { seriousViolations } from './support/seriousViolations';
import { useTabletBrowser } from './support/useTabletBrowser';

const baseURL = inject('baseURL');
const session = useTabletBrowser();
const PASSCODE = 'kingfisher lantern 27';
const ENTRIES = ['Halloran corridor: duty rota argument resolved calmly.', 'Quenby staff meeting: marking policy worries raised.'];
const SECRET_WORDS = ['Halloran', 'Quenby', 'marking policy worries'];

async function writeEntry(page: Page, text: string, photo?: Buffer) {
  await page.getByLabel('What happened?').fill(text);
  if (photo) {
    await page.locator('input[type="file"]').setInputFiles({ name: 'display.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => page.getByRole('img', { name: 'New photo 1' }).count()).toBe(1);
  }
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect.poll(() => page.getByLabel('What happened?').inputValue()).toBe('');
}

/** 64 bytes from the middle of the photo as stored before a passcode is set (in clear then). */
async function storedPhotoSample(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ data?: ArrayBuffer }[]>((resolve, reject) => {
      const request = db.transaction('photoBlobs').objectStore('photoBlobs').getAll();
      request.onsuccess = () => resolve(request.result as { data?: ArrayBuffer }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const bytes = new Uint8Array(rows[0]?.data ?? new ArrayBuffer(0));
    const middle = Math.floor(bytes.length / 2);
    return Array.from(bytes.subarray(middle, middle + 64));
  });
}

/** Whether any stored photo row holds `sample` in clear (as bytes or a Blob), or outside a sealed field. */
async function photoRowsInClear(page: Page, sample: number[]): Promise<{ rows: number; clear: number }> {
  return page.evaluate(async (needle) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('photoBlobs').objectStore('photoBlobs').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    let clear = 0;
    for (const row of rows) {
      for (const value of Object.values(row)) {
        let bytes: Uint8Array | null = null;
        if (value instanceof Uint8Array) bytes = value;
        else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
        else if (value instanceof Blob) bytes = new Uint8Array(await value.arrayBuffer());
        if (!bytes) continue;
        for (let start = 0; start + needle.length <= bytes.length; start += 1) {
          let same = true;
          for (let offset = 0; offset < needle.length; offset += 1) {
            if (bytes[start + offset] !== needle[offset]) {
              same = false;
              break;
            }
          }
          if (same) {
            clear += 1;
            break;
          }
        }
      }
    }
    return { rows: rows.length, clear };
  }, sample);
}

async function tryPasscode(page: Page, passcode: string) {
  await page.getByLabel('Passcode').fill(passcode);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

describe('the passcode lock on a shared tablet', () => {
  it('encrypts the journal, shows nothing before the passcode, refuses wrong ones with a growing wait, and opens with the right one', async () => {
    const page = await session.context().newPage();
    await page.goto(`${baseURL}/`);
    await waitForServiceWorker(page);
    await writeEntry(page, ENTRIES[0] ?? '', await makePng(page, 800, 600));
    await writeEntry(page, ENTRIES[1] ?? '');
    const sample = await storedPhotoSample(page);
    expect(sample).toHaveLength(64);
    expect(await photoRowsInClear(page, sample)).toEqual({ rows: 1, clear: 1 });
    expect(await readAllIndexedDbAsText(page)).toContain('Halloran');

    await page.goto(`${baseURL}/settings`);
    await page.getByRole('button', { name: 'Set a passcode…' }).click();
    await page.getByLabel('New passcode').fill(PASSCODE);
    await page.getByLabel('Type it again').fill(PASSCODE);
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await expect.poll(() => page.getByText('Passcode set. Everything on this tablet is now encrypted.').count(), { timeout: 20_000 }).toBe(1);

    const raw = await readAllIndexedDbAsText(page);
    for (const word of SECRET_WORDS) expect(raw, word).not.toContain(word);
    expect(await photoRowsInClear(page, sample)).toEqual({ rows: 1, clear: 0 });

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Setwise is locked' }).count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBe(0);
    const lockedHtml = await page.content();
    for (const word of SECRET_WORDS) expect(lockedHtml, word).not.toContain(word);
    expect(await seriousViolations(page)).toEqual([]);

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await tryPasscode(page, `wrong guess ${attempt}`);
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^That passcode is not right\./);
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That passcode is not right. Too many tries: you can try again in 5 s.');
    expect(await page.getByRole('button', { name: 'Unlock' }).isDisabled()).toBe(true);

    // The wait survives a reload.
    await page.reload();
    await expect.poll(() => page.getByText(/You can try again in \d s\./).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 8_000 }).toBe(true);
    await tryPasscode(page, 'wrong guess 4');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That passcode is not right. Too many tries: you can try again in 10 s.');
    await expect.poll(() => page.getByRole('button', { name: 'Unlock' }).isEnabled(), { timeout: 13_000 }).toBe(true);

    await tryPasscode(page, PASSCODE);
    await expect.poll(() => page.getByRole('navigation').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.goto(`${baseURL}/journal`);
    await expect.poll(() => page.getByRole('heading', { name: 'Setwise is locked' }).count()).toBe(1);
    await tryPasscode(page, PASSCODE);
    const list = page.getByRole('list', { name: 'Entries' });
    for (const text of ENTRIES) await expect.poll(() => list.getByText(text).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: /Halloran corridor/ }).click();
    await expect.poll(() => page.getByRole('img', { name: 'Photo 1' }).count()).toBe(1);
    await page.close();
  });

  it('works fully offline after unlocking, keeps new writing encrypted, and locks on request', async () => {
    const page = await session.context().newPage();
    await session.context().setOffline(true);
    await page.goto(`${baseURL}/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Setwise is locked' }).count()).toBe(1);
    await tryPasscode(page, PASSCODE);
    await writeEntry(page, 'Wrenfield offline note: parents evening plan.');
    await page.goto(`${baseURL}/journal`);
    await tryPasscode(page, PASSCODE);
    const list = page.getByRole('list', { name: 'Entries' });
    for (const text of [...ENTRIES, 'Wrenfield offline note: parents evening plan.']) {
      await expect.poll(() => list.getByText(text).count(), { timeout: 10_000 }).toBe(1);
    }
    expect(await readAllIndexedDbAsText(page)).not.toContain('Wrenfield');

    await page.goto(`${baseURL}/search`);
    await tryPasscode(page, PASSCODE);
    await page.getByRole('searchbox').fill('Wrenfield');
    await expect.poll(() => page.getByRole('link', { name: /Wrenfield/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.goto(`${baseURL}/settings`);
    await tryPasscode(page, PASSCODE);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Setwise is locked' }).count()).toBe(1);
    for (const word of ['Wrenfield', ...SECRET_WORDS]) expect(await page.content(), word).not.toContain(word);
    await session.context().setOffline(false);
    await page.close();
  });
});
