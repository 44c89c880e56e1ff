// Every screen, with data in it, is checked by axe-core (no serious or critical violation) and
// for touch targets of at least 44 × 44 px — the brief's floor for a tablet held in one hand.
// The routes this file must visit are listed in support/auditedRoutes.ts and checked at the end.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routeTracker } from './support/auditedRoutes';
import { launchBrowser, newContext } from './support/browser';
import { seriousViolations } from './support/seriousViolations';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
const routes = routeTracker('accessibility.test.ts');
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Addresses of records made in beforeAll, e.g. ids.entry = "/journal/…". */
const ids = { entry: '', reviewedTrial: '', trialUnderReview: '', measure: '', sitting: '' };

const here = (target: Page) => new URL(target.url()).pathname;

async function seedChallengeAndEntry(target: Page) {
  await target.goto(`${baseURL}/challenge/new`);
  await target.getByLabel('Managing change').check();
  await target.getByLabel('The issue or concern, in your own words').fill('High staff turnover in the phase.');
  await target.getByRole('button', { name: 'Save my challenge' }).click();
  await target.getByRole('heading', { name: 'My challenge' }).waitFor();
  // The saved challenge as the page shows it from the device, before this page is left.
  await target.getByText(/^Last changed/).first().waitFor();
  await target.goto(`${baseURL}/journal/new`);
  await target.getByLabel('What happened?').fill('Met the new Year 3 teacher; agreed a buddy.');
  await target.getByLabel('What happened?').press('Tab');
  await target.getByRole('button', { name: 'Save entry' }).click();
  await target.getByRole('list', { name: 'Entries' }).waitFor();
  await target.waitForURL(/\/journal\/[^/]+$/);
  ids.entry = here(target);
}

/** A trial planned and started, then moved on to its review; "reviewed" also saves the review. */
async function seedTrial(target: Page, reviewed: boolean): Promise<string> {
  await target.goto(`${baseURL}/trials/new`);
  await target.getByRole('button', { name: 'Lesson study' }).click();
  await target.getByLabel('With whom?').fill('The Year 3 and Year 4 teachers');
  await target.getByRole('button', { name: 'Save this trial' }).click();
  await target.getByRole('button', { name: 'Start the trial' }).click();
  await target.getByRole('button', { name: 'Review it' }).click();
  if (reviewed) {
    await target.getByLabel('What did I learn?').fill('New staff stay when they have a buddy from day one.');
    await target.getByLabel('Continue').check();
    await target.getByRole('button', { name: 'Save the review' }).click();
    await target.getByRole('heading', { name: 'Review', exact: true }).waitFor();
  } else {
    await target.getByRole('form', { name: 'Review the trial' }).waitFor();
  }
  return here(target);
}

async function seedMeasureAndSittings(target: Page) {
  await target.goto(`${baseURL}/measures/new`);
  await target.getByLabel('What are you measuring?').fill('Teachers staying beyond their first year');
  await target.getByLabel('Unit').selectOption('percent');
  await target.getByLabel('Baseline', { exact: true }).fill('60');
  await target.getByLabel('Target (optional)').fill('85');
  await target.getByRole('button', { name: 'Save this measure' }).click();
  await target.getByLabel('Reading', { exact: true }).fill('75');
  await target.getByRole('button', { name: 'Add the reading' }).click();
  await target.getByText(/60% → 75%/).first().waitFor();
  ids.measure = here(target);
  // Two sittings of the diagnostic, so there is something to compare.
  for (const score of [2, 4]) {
    await target.goto(`${baseURL}/diagnostic`);
    await target.getByRole('button', { name: 'Take the diagnostic' }).click();
    await target.getByRole('region', { name: 'About this sitting' }).waitFor();
    await target.getByRole('radio').nth(score - 1).check();
    ids.sitting = here(target);
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
  await seedChallengeAndEntry(page);
  ids.reviewedTrial = await seedTrial(page, true);
  ids.trialUnderReview = await seedTrial(page, false);
  await seedMeasureAndSittings(page);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

interface Screen {
  readonly path: () => string;
  /** What the screen shows once it is ready (after its heading), or a step that brings it about. */
  readonly then?: (target: Page) => Promise<void>;
}

const at = (path: string): Screen => ({ path: () => path });
const SCREENS: Readonly<Record<string, Screen>> = {
  ...Object.fromEntries(['/', '/journal', '/journal/new', '/challenge', '/challenge/edit', '/trials', '/trials/new', '/measures', '/measures/new', '/timeline', '/search', '/diagnostic', '/poster', '/settings'].map((path) => [path, at(path)])),
  'entry editor': { path: () => ids.entry, then: (target) => target.getByLabel('What happened?').first().waitFor() },
  'trial with its review': { path: () => ids.reviewedTrial, then: (target) => target.getByRole('heading', { name: 'Review', exact: true }).waitFor() },
  'trial being reviewed': { path: () => ids.trialUnderReview, then: (target) => target.getByRole('form', { name: 'Review the trial' }).waitFor() },
  "trial's plan, edited": { path: () => `${ids.reviewedTrial}/edit`, then: (target) => target.getByLabel('With whom?').waitFor() },
  'measure with a reading and its chart': { path: () => ids.measure, then: (target) => target.getByText(/60% → 75%/).first().waitFor() },
  'measure, edited': { path: () => `${ids.measure}/edit`, then: (target) => target.getByLabel('What are you measuring?').waitFor() },
  'diagnostic sitting': { path: () => ids.sitting, then: (target) => target.getByRole('region', { name: 'About this sitting' }).waitFor() },
  'two sittings compared': { path: () => '/diagnostic/compare', then: (target) => target.getByRole('table').waitFor() },
  'search with results': { path: () => '/search?q=buddy', then: (target) => target.getByRole('list', { name: 'Search results' }).waitFor() },
  'impact poster, made': {
    path: () => '/poster',
    then: async (target) => {
      await target.getByRole('button', { name: 'Make my poster' }).click();
      await target.getByRole('article').waitFor();
    },
  },
};

describe('accessibility of every screen', () => {
  for (const [label, screen] of Object.entries(SCREENS)) {
    it(`${label} has no serious or critical axe violations and big enough touch targets`, async () => {
      await page.goto(`${baseURL}${screen.path()}`);
      await page.locator('main h1').first().waitFor();
      await screen.then?.(page);
      routes.visited(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTouchTargets(page)).toEqual([]);
    });
  }

  it('audited exactly the routes support/auditedRoutes.ts lists for this file', () => {
    expect(routes.mismatch()).toEqual({ listedButNotAudited: [], auditedButNotListed: [] });
  });
});
