import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext } from './browser';

/**
 * One Chromium and one tablet-sized context for a test file, opened before its tests and
 * closed after. Call at the top level of the file.
 */
export function useTabletBrowser(): { readonly browser: () => Browser; readonly context: () => BrowserContext } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('The browser is not open yet (use it inside a test).');
      return browser;
    },
    context: () => {
      if (!context) throw new Error('The browser context is not open yet (use it inside a test).');
      return context;
    },
  };
}
