// "Every screen is audited" kept true: every route the app declares (read from its <Route>
// elements) must be audited by some accessibility test file. This file also audits what a
// person meets on a new device before writing anything — each place empty, a record that is
// not (or no longer) here, a refused sign-in, a bad invitation code and an unknown address —
// with axe-core (no serious or critical violation) and for 44 × 44 px touch targets.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDITED_ROUTES, declaredRoutes, routeTracker } from './support/auditedRoutes';
import { launchBrowser, newContext } from './support/browser';
import { seriousViolations } from './support/seriousViolations';
import { smallTouchTargets } from './support/touchTargets';

describe('every route the app declares', () => {
  it('has an accessibility audit', () => {
    const audited = new Set<string>(Object.values(AUDITED_ROUTES).flat());
    const declared = declaredRoutes();
    // Guards the parser itself: a walk that found nothing would make this test pass vacuously.
    expect(declared).toEqual(expect.arrayContaining(['/', '/journal/:id', '/cohort/:cohortId/overview', '/join/:code']));
    expect(declared.filter((route) => !audited.has(route))).toEqual([]);
    // A listed route the app no longer declares is a stale list, not an audit.
    expect([...audited].filter((route) => !declared.includes(route))).toEqual([]);
  });
});

const baseURL = inject('baseURL');
const routes = routeTracker('accessibility.coverage.test.ts');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const heading = (name: string) => (target: Page) => target.getByRole('heading', { name, exact: true }).first().waitFor();
const MISSING = 'e2e-no-such-record';

/** Address, then what the screen shows once it is ready, or a step that brings its state about. */
const SCREENS: readonly (readonly [string, (target: Page) => Promise<void>])[] = [
  ['/', heading('Recent entries')],
  ['/journal', heading('Your leadership log')],
  [`/journal/${MISSING}`, heading('This entry is not here')],
  ['/challenge', heading('No challenge yet')],
  ['/challenge/new', (target) => target.getByRole('button', { name: 'Save my challenge' }).waitFor()],
  ['/trials', heading('No trials yet')],
  [`/trials/${MISSING}`, heading('Trial not found')],
  ['/measures', heading('No measures yet')],
  [`/measures/${MISSING}`, heading('Measure not found')],
  ['/set', heading('You are not in a set yet')],
  [`/set/meetings/${MISSING}`, heading('You are not in a set yet')],
  ['/coaching', heading('No coaching yet')],
  ['/timeline', heading('Your year, in one place')],
  ['/poster', heading('No challenge yet')],
  ['/search?q=phonics', (target) => target.getByRole('status').filter({ hasText: 'No matches' }).waitFor()],
  ['/diagnostic', heading('Not taken yet')],
  [`/diagnostic/${MISSING}`, heading('This sitting is not here')],
  ['/diagnostic/compare', heading('Nothing to compare yet')],
  ['/cohort', heading('No cohort yet')],
  [`/cohort/${MISSING}`, heading('This cohort is not on this device')],
  ['/settings', (target) => target.getByRole('region', { name: 'Account and sync' }).getByRole('button', { name: 'Sign in' }).waitFor()],
  ['/no-such-page', heading('Nothing here')],
];

describe('accessibility of a new device, before anything is written', () => {
  for (const [path, ready] of SCREENS) {
    it(`${path} has no serious or critical axe violations and big enough touch targets`, async () => {
      await page.goto(`${baseURL}${path}`);
      await page.locator('main h1, main h2').first().waitFor();
      await ready(page);
      routes.visited(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTouchTargets(page)).toEqual([]);
    });
  }

  it('a refused sign-in has no serious or critical axe violations and big enough touch targets', async () => {
    await page.goto(`${baseURL}/settings`);
    const section = page.getByRole('region', { name: 'Account and sync' });
    await section.getByLabel('Email').fill('nobody@oakfield.example');
    await section.getByLabel('Password').fill('not the password');
    await section.getByRole('button', { name: 'Sign in' }).click();
    await section.getByRole('alert').first().waitFor();
    routes.visited(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  it('a join link with a code that cannot be used has no serious or critical axe violations and big enough touch targets', async () => {
    await page.goto(`${baseURL}/join/AAAA-BBBB-CCCC-DDDD`);
    await heading('This invitation cannot be used')(page);
    routes.visited(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  it('audited exactly the routes support/auditedRoutes.ts lists for this file', () => {
    expect(routes.mismatch()).toEqual({ listedButNotAudited: [], auditedButNotListed: [] });
  });
});
