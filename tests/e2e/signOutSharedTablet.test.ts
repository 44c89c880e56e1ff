// A shared staffroom tablet: Amira signs in, writes (with a photo), syncs and searches, then
// signs out removing her writing. Afterwards nothing of her is left in IndexedDB, Cache Storage,
// localStorage or sessionStorage — checked in what the browser really holds, not what the
// screens say. Then Tom signs in on the same browser profile and sees none of her writing, and
// the app still opens with no connection (the app shell's precache is intact).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, waitForServiceWorker } from './support/browser';
import { createCohortOverHttp, type Person } from './support/cohortOverHttp';
import { makePng } from './support/readIndexedDb';
import { seriousViolations } from './support/seriousViolations';
import { signInThroughSettings, statusLine, waitUntilSynced } from './support/signInThroughSettings';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
const coordinator = inject('coordinatorUser');

// Invented words no screen, file or bundle of Setwise holds, so finding one means finding her.
const HER_WORDS = ['zephyrine', 'Quillmere', 'brackenfold'] as const;
const ENTRIES = [
  'Quillmere reading pilot: Year 3 built a word wall of zephyrine adjectives.',
  'Talked to the SENCO about brackenfold interventions for two pupils.',
];
const OFFLINE_ENTRY = 'Zephyrine follow-up written on the bus, before the staff meeting.';
// What an older or future version's runtime cache might hold; no cache may survive with it.
const STRAY_CACHE = 'setwise-runtime-photos';

interface DeviceDatabases {
  readonly names: string[];
  /** Every string in every row and key, per "database/store". */
  readonly textByStore: Record<string, string>;
  /** SHA-256 (hex) of every Blob and byte array in every row, per "database/store". */
  readonly bytesByStore: Record<string, string[]>;
}

/** Everything in every IndexedDB database of the origin, photo bytes included (as hashes). */
async function readDeviceDatabases(page: Page): Promise<DeviceDatabases> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const textByStore: Record<string, string> = {};
    const bytesByStore: Record<string, string[]> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      names.push(info.name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [rows, keys] = await Promise.all([
          new Promise<unknown[]>((resolve, reject) => {
            const request = store.getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          }),
          new Promise<unknown[]>((resolve, reject) => {
            const request = store.getAllKeys();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          }),
        ]);
        const texts: string[] = [JSON.stringify(keys)];
        const hashes: string[] = [];
        const waiting: unknown[] = [...rows];
        while (waiting.length > 0) {
          const value = waiting.pop();
          let bytes: ArrayBuffer | null = null;
          if (value instanceof Blob) bytes = await value.arrayBuffer();
          else if (value instanceof ArrayBuffer) bytes = value;
          else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice().buffer;
          if (bytes) {
            const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            hashes.push(Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''));
            // Bytes may also be text (a sealed or serialised row): read them as such too.
            texts.push(new TextDecoder().decode(bytes));
          } else if (Array.isArray(value)) waiting.push(...value);
          else if (typeof value === 'object' && value !== null) {
            texts.push(Object.keys(value).join(' '));
            waiting.push(...Object.values(value));
          } else texts.push(String(value));
        }
        textByStore[`${info.name}/${storeName}`] = texts.join('\n');
        bytesByStore[`${info.name}/${storeName}`] = hashes;
      }
      db.close();
    }
    return { names, textByStore, bytesByStore };
  });
}

interface CachedEntry {
  readonly cache: string;
  readonly url: string;
  readonly sha256: string;
  /** Which of the needles the request URL or the response body contains. */
  readonly found: string[];
}

/** Every request and response in every Cache Storage cache, searched for the needles inside the page. */
async function readCacheStorage(page: Page, needles: readonly string[]): Promise<{ names: string[]; entries: CachedEntry[] }> {
  return page.evaluate(async (lookFor) => {
    const names = await caches.keys();
    const entries: CachedEntry[] = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = response ? await response.arrayBuffer() : new ArrayBuffer(0);
        const body = new TextDecoder().decode(bytes).toLowerCase();
        const url = request.url.toLowerCase();
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        entries.push({
          cache: name,
          url: request.url,
          sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
          found: lookFor.filter((needle) => url.includes(needle.toLowerCase()) || body.includes(needle.toLowerCase())),
        });
      }
    }
    return { names, entries };
  }, needles);
}

/** Every key and value of localStorage and sessionStorage, one "where:key=value" line each. */
async function readWebStorage(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines: string[] = [];
    for (const [where, storage] of [['local', localStorage], ['session', sessionStorage]] as const) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index) ?? '';
        lines.push(`${where}:${key}=${storage.getItem(key) ?? ''}`);
      }
    }
    return lines;
  });
}

async function writeEntry(page: Page, words: string, extras: { photo?: Buffer; tag?: string } = {}): Promise<void> {
  const { photo, tag } = extras;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
  await page.getByLabel('What happened?').fill(words);
  if (tag) {
    await page.getByText('Date, tags and links').click();
    await page.getByLabel('Tags').fill(tag);
  }
  if (photo) {
    await page.locator('input[type="file"]').setInputFiles({ name: 'word-wall.png', mimeType: 'image/png', buffer: photo });
    await page.getByRole('img', { name: 'New photo 1' }).waitFor();
  }
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('list', { name: 'Entries' }).getByText(words).waitFor();
}

const lower = (texts: readonly string[]) => texts.map((text) => text.toLowerCase());

let browser: Awaited<ReturnType<typeof launchBrowser>>;
let amira: Person;
let tom: Person;

beforeAll(async () => {
  browser = await launchBrowser();
  // Two cohorts, so nothing of Amira's (not even her name in a set list) is Tom's to sync.
  amira = (await createCohortOverHttp(baseURL, coordinator, 'Dana Reid', ['Amira Khan'])).members[0] as Person;
  tom = (await createCohortOverHttp(baseURL, coordinator, 'Lena Ortiz', ['Tom Hughes'])).members[0] as Person;
});

afterAll(async () => {
  await browser?.close();
});

describe('signing out of a shared tablet', () => {
  it('leaves nothing of the person on the device, and the next person sees none of it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseURL}/`);
    await waitForServiceWorker(page);

    // Amira writes, with a photo, syncs, and searches (which builds and saves the search index).
    await signInThroughSettings(page, baseURL, amira);
    await writeEntry(page, ENTRIES[0] ?? '', { photo: await makePng(page, 1200, 800), tag: 'quillmere' });
    await writeEntry(page, ENTRIES[1] ?? '');
    await waitUntilSynced(page);
    // Her own tag as the journal's and the timeline's filter: kept in Web Storage.
    await page.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: 'quillmere' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
    await page.locator('#timeline-tag').selectOption('quillmere');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search your writing').fill('zephyrine');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    await page.evaluate(() =>
      caches.open('setwise-runtime-photos').then((cache) => cache.put('/api/blobs/stray', new Response('Quillmere reading pilot'))),
    );

    // Before: her traces are where the inspection looks, so finding none later means something.
    const herDatabase = `setwise-user-${amira.userId}`;
    await expect
      .poll(async () => (await readDeviceDatabases(page)).textByStore[`${herDatabase}/searchIndex`] ?? '', { timeout: 15_000 })
      .toContain('zephyrine');
    const before = await readDeviceDatabases(page);
    const herPhotoHashes = before.bytesByStore[`${herDatabase}/photoBlobs`] ?? [];
    expect(herPhotoHashes).toHaveLength(1);
    expect(before.textByStore[`${herDatabase}/logEntries`]).toContain(ENTRIES[1]);
    const storedBefore = (await readWebStorage(page)).join('\n');
    for (const trace of [amira.userId, 'local:setwise.ui', 'session:setwise.timelineFilters']) expect(storedBefore).toContain(trace);
    expect(storedBefore.match(/quillmere/g)).toHaveLength(2);
    const needles = [...HER_WORDS, amira.userId, amira.email, amira.displayName];
    expect((await readCacheStorage(page, needles)).entries.filter((entry) => entry.found.length > 0)).toHaveLength(1);

    // Offline, one more entry: signing out says what is only here and removes nothing yet.
    await context.setOffline(true);
    // Tagged as well, so the journal's filter (her tag) shows it.
    await writeEntry(page, OFFLINE_ENTRY, { tag: 'quillmere' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Account and sync' });
    await section.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out on this device?' });
    await dialog.getByText('1 change has not reached the server yet. If you remove it from this device now it is lost.').waitFor();
    await dialog.getByText('Remove my writing from this device (shared tablet)').click();
    expect(await dialog.getByRole('button', { name: 'Sign out and remove my writing' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Remove anyway' }).waitFor();
    await dialog.getByRole('button', { name: 'Download everything I wrote' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
    expect(await smallTouchTargets(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // Back online the change is sent; then removing needs no "anyway".
    await context.setOffline(false);
    await dialog.getByText('Everything you wrote here has reached the server.').waitFor({ timeout: 20_000 });
    await dialog.getByRole('button', { name: 'Sign out and remove my writing' }).click();
    await page.getByText('Signed out, and your writing was removed from this device.').waitFor();
    await page.getByRole('region', { name: 'Account and sync' }).getByRole('button', { name: 'Sign in' }).waitFor();
    // Anything late (a search index saved on closing, a sync round ending) has had its moment.
    await page.waitForTimeout(1500);

    // IndexedDB: no database of hers, and nothing of her in any database left.
    const after = await readDeviceDatabases(page);
    expect(after.names).not.toContain(herDatabase);
    expect(after.names.filter((name) => name.includes(amira.userId))).toEqual([]);
    for (const [where, text] of Object.entries(after.textByStore)) {
      for (const needle of lower(needles)) expect(text.toLowerCase(), `${where} holds “${needle}”`).not.toContain(needle);
      for (const hash of herPhotoHashes) expect(text, `${where} names her photo`).not.toContain(hash);
    }
    for (const [where, hashes] of Object.entries(after.bytesByStore)) {
      for (const hash of herPhotoHashes) expect(hashes, `${where} holds her photo’s bytes`).not.toContain(hash);
    }

    // Cache Storage: only the app shell's precache, holding built files and nothing of hers.
    const cached = await readCacheStorage(page, needles);
    expect(cached.names).not.toContain(STRAY_CACHE);
    expect(cached.names.length).toBeGreaterThan(0);
    expect(cached.names.every((name) => name.startsWith('workbox-precache'))).toBe(true);
    expect(cached.entries.some((entry) => new URL(entry.url).pathname === '/index.html')).toBe(true);
    expect(cached.entries.filter((entry) => entry.found.length > 0)).toEqual([]);
    expect(cached.entries.filter((entry) => herPhotoHashes.includes(entry.sha256))).toEqual([]);

    // localStorage and sessionStorage: no key or value mentions her.
    const stored = (await readWebStorage(page)).join('\n').toLowerCase();
    for (const needle of lower(needles)) expect(stored, `Web Storage holds “${needle}”`).not.toContain(needle);

    // Tom signs in on the same browser profile: none of her writing, anywhere he looks.
    await signInThroughSettings(page, baseURL, tom);
    await writeEntry(page, 'Tom’s own note: bramblewood phonics groups settling.');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const places = [
      { link: 'Today', ready: () => page.getByRole('heading', { name: 'Recent entries' }).waitFor() },
      { link: 'Journal', ready: () => page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor() },
      { link: 'Timeline', ready: () => page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor() },
    ];
    for (const { link, ready } of places) {
      await nav.getByRole('link', { name: link }).click();
      await ready();
      await page.getByText('bramblewood phonics groups').first().waitFor();
      const shown = (await page.content()).toLowerCase();
      for (const word of lower(HER_WORDS)) expect(shown, `${link} shows “${word}”`).not.toContain(word);
    }
    await nav.getByRole('link', { name: 'Search' }).click();
    const search = page.getByLabel('Search your writing');
    for (const word of HER_WORDS) {
      await search.fill(word);
      await page.getByText(`No matches for “${word}”.`).waitFor();
    }
    await search.fill('bramblewood');
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    await waitUntilSynced(page);
    const tomsDevice = await readDeviceDatabases(page);
    for (const [where, text] of Object.entries(tomsDevice.textByStore)) {
      for (const needle of lower(needles)) expect(text.toLowerCase(), `${where} holds “${needle}”`).not.toContain(needle);
    }

    // With no connection at all, the app still opens: the precache was left as it was.
    await context.setOffline(true);
    const cold = await context.newPage();
    await cold.goto(`${baseURL}/journal`);
    await cold.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    await expect.poll(() => statusLine(cold).textContent()).toMatch(/^Offline/);
    await context.setOffline(false);
    await context.close();
  });
});
