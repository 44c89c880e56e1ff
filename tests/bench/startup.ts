// Cold start offline, in Chromium with the CPU slowed 4× (a tablet, roughly): the service worker
// is installed online, the page closed, the worker stopped and the network cut; then a fresh
// page opens the app's start screen (Today) and a key is typed into its new-entry box as soon
// as the box exists. Measured from navigation start to the input event that puts the typed
// character in the box — the first moment a person can write — and checked afterwards: the
// character must still be in the box and reach the autosaved draft.
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, waitForServiceWorker } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { medianSpread, repeat, type Rows } from './stats';

declare global {
  interface Window {
    __startupEditorSeen?: Promise<void>;
    __startupTypedAt?: number;
  }
}

export const CPU_SLOWDOWN = 4;
const EDITOR_LABEL = 'What happened?';

export const STARTUP_NOTE =
  `Cold start offline: in a fresh browser context the app is opened online and its service worker installed; the page is closed, every service worker stopped (DevTools ServiceWorker.stopAllWorkers) and the context taken offline; a new page with the CPU slowed ${CPU_SLOWDOWN}× (DevTools Emulation.setCPUThrottlingRate, set before navigating; it slows the page's main thread, not the service worker's) opens / — Today, whose first card is the new entry. As soon as the "${EDITOR_LABEL}" box is in the document, Playwright types a character into it; the figure is the time from navigation start to the input event that puts it there, and the run only counts if the character is still in the box afterwards and reaches the autosaved draft in IndexedDB. First contentful paint is the browser's own paint timing entry.`;

interface StartupTiming {
  readonly typedMs: number;
  readonly firstContentfulPaintMs: number;
}

async function draftBody(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('setwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<string>((resolve) => {
        const request = db.transaction('drafts').objectStore('drafts').get('new-entry');
        request.onsuccess = () => resolve((request.result?.value?.body as string | undefined) ?? '');
        request.onerror = () => resolve('');
      });
    } finally {
      db.close();
    }
  });
}

/** Installs the service worker online, then stops it, goes offline and closes every page. */
async function installThenGoOffline(context: BrowserContext, baseURL: string): Promise<void> {
  const install = await context.newPage();
  await install.goto(`${baseURL}/`);
  await waitForServiceWorker(install);
  await install.close();
  await context.setOffline(true);
}

export async function measureColdStart(context: BrowserContext, baseURL: string): Promise<StartupTiming> {
  await installThenGoOffline(context, baseURL);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A worker left running by the install would make the start warm: stop it, as hours of idle would.
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript((label) => {
    window.__startupEditorSeen = new Promise<void>((resolve) => {
      new MutationObserver((_mutations, observer) => {
        const found = [...document.querySelectorAll('label')].find((element) => element.textContent?.trim() === label);
        if (found?.control) {
          observer.disconnect();
          resolve();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    document.addEventListener(
      'input',
      (event) => {
        if (event.target instanceof HTMLTextAreaElement && event.target.value.includes('x')) window.__startupTypedAt ??= performance.now();
      },
      true,
    );
  }, EDITOR_LABEL);

  await page.goto(`${baseURL}/`, { waitUntil: 'commit' });
  await page.evaluate(() => window.__startupEditorSeen);
  const box = page.getByLabel(EDITOR_LABEL);
  await box.press('x');
  await page.waitForFunction(() => window.__startupTypedAt !== undefined, undefined, { timeout: 30_000 });
  // Typed while the app was still reading the draft: the character must survive that.
  const deadline = Date.now() + 15_000;
  while ((await draftBody(page)) !== 'x') {
    if (Date.now() > deadline) throw new Error(`The typed character did not reach the draft (the box holds "${await box.inputValue()}").`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if ((await box.inputValue()) !== 'x') throw new Error(`The box lost the typed character (it holds "${await box.inputValue()}").`);
  const [typedMs, firstContentfulPaintMs] = await page.evaluate(() => [
    window.__startupTypedAt ?? Number.NaN,
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  ]);
  await cdp.detach();
  return { typedMs: typedMs as number, firstContentfulPaintMs: firstContentfulPaintMs as number };
}

export async function startupRows(app: BenchApp): Promise<Rows> {
  const runs = await repeat(BENCH.runs, async () => {
    const context = await newContext(app.browser);
    try {
      return await measureColdStart(context, app.baseURL);
    } finally {
      await context.close();
    }
  });
  const label = `Cold start offline from the service worker (Chromium, CPU ${CPU_SLOWDOWN}× slower)`;
  return [
    [`${label}: new entry takes a typed character`, medianSpread(runs.map((run) => run.typedMs))],
    [`${label}: first contentful paint`, medianSpread(runs.map((run) => run.firstContentfulPaintMs))],
  ];
}
