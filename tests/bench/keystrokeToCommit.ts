// Keystroke → committed in IndexedDB, in Chromium: type one character into the new-entry box,
// then poll the raw IndexedDB until the autosaved draft holds it.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __benchKeyAt?: number;
  }
}

async function readDraftBody(page: Page, expectedLength: number): Promise<number> {
  return page.evaluate(async (length) => {
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
    const committedAt = await readDraftBody(page, i + 1);
    samples.push(committedAt - keyAt);
  }
  return samples;
}
