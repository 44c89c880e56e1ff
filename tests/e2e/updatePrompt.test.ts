// A new version is deployed while a participant is mid-sentence: the app says so, and
// reloading into the new version keeps what she was typing.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/createServer';
import { launchBrowser, newContext, waitForServiceWorker } from './support/browser';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
let browser: Browser;
let siteDir: string;
let dataDir: string;
let server: Awaited<ReturnType<typeof createServer>>;
let baseURL: string;

beforeAll(async () => {
  // A private copy of the built app, so "deploying" a new version touches no other test.
  siteDir = mkdtempSync(join(tmpdir(), 'setwise-site-'));
  dataDir = mkdtempSync(join(tmpdir(), 'setwise-data-'));
  cpSync(dist, siteDir, { recursive: true });
  server = await createServer({ staticDir: siteDir, dataDir, logLevel: 'warn' });
  baseURL = await server.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  it('is announced, and reloading into it keeps the draft being typed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${baseURL}/journal/new`);
    await waitForServiceWorker(page);
    await page.getByLabel('What happened?').pressSequentially('Half a thought about the INSET day');

    // Deploy: any change to sw.js is a new version for the browser.
    appendFileSync(join(siteDir, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const prompt = page.getByRole('alert').filter({ hasText: 'A new version of Setwise is ready.' });
    await expect.poll(() => prompt.count(), { timeout: 20_000 }).toBe(1);
    // Type more after the prompt appeared: these keystrokes are still in the debounce window.
    await page.getByLabel('What happened?').pressSequentially(' — and more');
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);

    await expect
      .poll(() => page.getByLabel('What happened?').inputValue(), { timeout: 10_000 })
      .toBe('Half a thought about the INSET day — and more');
    await context.close();
  });
});
