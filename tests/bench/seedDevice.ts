// A long-used tablet, made quickly: a generated year stored straight into the signed-out device
// database ("setwise") of a page, with raw IndexedDB (no app code, no hooks in the app).
// No named inner functions in page.evaluate: tsx would wrap them in a helper the page lacks.
import type { Page } from 'playwright-core';
import { generateYear } from '../support/generateYear';

/** Signed out, the device's records belong to LOCAL_OWNER. */
export const LOCAL_OWNER = 'local';

/** Waits until the app has created its database "setwise" and its tables. */
export async function waitForDatabase(page: Page, timeoutMs = 20_000): Promise<void> {
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
      const hasTables = db.objectStoreNames.contains('logEntries') && db.objectStoreNames.contains('searchIndex');
      db.close();
      return hasTables;
    });
    if (ready) return;
    if (Date.now() > deadline) throw new Error('The app did not create its database "setwise" in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Stores `count` generated records (a year of one participant: mostly log entries, plus the
 * challenge, revisions, trials, measures, readings, rounds, actions and coaching) in the page's
 * database, which the app must have created (waitForDatabase). Returns how many were stored.
 */
export async function seedYear(page: Page, count: number, seed = 20_260_901): Promise<number> {
  const extras = (await generateYear({ seed, owner: LOCAL_OWNER, entries: 0, photos: 0 })).total;
  const year = await generateYear({ seed, owner: LOCAL_OWNER, entries: Math.max(0, count - extras), photos: 0 });
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
  return year.total;
}

/** Rows in one table of the device database, read from IndexedDB itself. */
export async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, table);
}

/** Empties one table of the device database (e.g. the saved search index, to build it again). */
export async function clearTable(page: Page, table: string): Promise<void> {
  await page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(name, 'readwrite');
        transaction.objectStore(name).clear();
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }, table);
}
