// Every screen, with data in it, is checked by axe-core (no serious or critical violation) and
// for touch targets of at least 44 × 44 px — the brief's floor for a tablet held in one hand.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;
let page: Page;

const SCREENS = ['/', '/journal', '/journal/new', '/challenge', '/challenge/edit', '/trials', '/trials/new', '/measures', '/measures/new', '/settings'];

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

/** Visible interactive elements smaller than 44 px in either direction (inline text links excepted). */
async function smallTouchTargets(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, label.button')) {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      if (element.classList.contains('visually-hidden') || element.closest('.visually-hidden')) continue;
      // A link inside a sentence is exempt (WCAG 2.5.8 inline exception).
      if (element.tagName === 'A' && style.display === 'inline' && element.closest('p')) continue;
      // Checkboxes and radios count by their label, which is the real target.
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        const label = element.closest('label');
        const box = label?.getBoundingClientRect();
        if (box && box.height >= 44) continue;
      }
      if (rect.height < 43.5 || rect.width < 43.5) {
        small.push(`${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return small;
  });
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
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
      expect(await smallTouchTargets(page)).toEqual([]);
    });
  }
});
