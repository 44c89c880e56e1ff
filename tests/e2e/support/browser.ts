// Shared Playwright helpers for browser tests and one-off tools.
// We always drive the system's Debian Chromium: downloading browsers is not allowed here, and a
// missing browser must fail loudly rather than quietly skipping the tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Flags keep the browser headless, sandbox-free (CI runs as root) and quiet: no background
// network traffic, so "offline" in a test really means only our server is involved.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A landscape 10-inch tablet, the device most set members will use. */
export const TABLET_VIEWPORT = { width: 1024, height: 768 } as const;

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Browser tests cannot run without it. ` +
        'Install it with: apt-get install -y chromium (the .ci/run script does this).',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: TABLET_VIEWPORT, locale: 'en-GB' });
}

/**
 * Waits until a service worker controls the page. A freshly installed worker does not control
 * the page that registered it (the app does not call clients.claim()), so reload once if needed.
 */
export async function waitForServiceWorker(page: Page, timeoutMs = 20_000): Promise<void> {
  const registered = await page.evaluate(async (ms) => {
    if (!('serviceWorker' in navigator)) return 'unsupported';
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));
    const ready = navigator.serviceWorker.ready.then(() => 'ready' as const);
    return Promise.race([ready, timeout]);
  }, timeoutMs);
  if (registered !== 'ready') {
    throw new Error(
      registered === 'unsupported'
        ? 'This browser context has no service worker support (is the page served from http://127.0.0.1?).'
        : `No service worker became active within ${timeoutMs} ms. Does the app register /sw.js?`,
    );
  }
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: timeoutMs,
  });
}
