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
