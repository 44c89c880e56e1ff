// Every screen, with data in it, is checked by axe-core (no serious or critical violation) and
// for touch targets of at least 44 × 44 px — the brief's floor for a tablet held in one hand.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { seriousViolations } from './support/seriousViolations';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SCREENS = ['/', '/journal', '/journal/new', '/challenge', '/challenge/edit', '/trials', '/trials/new', '/measures', '/measures/new', '/timeline', '/search', '/diagnostic', '/poster', '/settings'];

async function seedRecords(target: Page) {
  await target.goto(`${baseURL}/challenge/new`);
  await target.getByLabel('Managing change').check();
  await target.getByLabel('The issue or concern, in your own words').fill('High staff turnover in the phase.');
  await target.getByRole('button', { name: 'Save my challenge' }).click();
  await target.getByRole('heading', { name: 'My challenge' }).waitFor();
  await target.goto(`${baseURL}/journal/new`);
  await target.getByLabel('What happened?').fill('Met the new Year 3 teacher; agreed a buddy.');
  await target.getByLabel('What happened?').press('Tab');
  await target.getByRole('button', { name: 'Save entry' }).click();
  await target.getByRole('list', { name: 'Entries' }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  await seedRecords(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('accessibility of every screen', () => {
  for (const path of SCREENS) {
    it(`${path} has no serious or critical axe violations and big enough touch targets`, async () => {
      await page.goto(`${baseURL}${path}`);
      await page.locator('main h1').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTouchTargets(page)).toEqual([]);
    });
  }
});
