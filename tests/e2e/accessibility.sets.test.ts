// The set, cohort, coaching and join screens, with data in them, as each kind of person sees
// them: no serious or critical axe-core violation, and touch targets of at least 44 × 44 px.
// The routes this file must visit are listed in support/auditedRoutes.ts and checked at the end.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { routeTracker } from './support/auditedRoutes';
import { launchBrowser, newContext } from './support/browser';
import { createCohortOverHttp, type CohortOverHttp, type Person } from './support/cohortOverHttp';
import { seriousViolations } from './support/seriousViolations';
import { signInThroughSettings } from './support/signInThroughSettings';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
const coordinator = inject('coordinatorUser');
const routes = routeTracker('accessibility.sets.test.ts');

let browser: Browser;
const contexts: BrowserContext[] = [];
let cohort: CohortOverHttp;
const pages: Partial<Record<'facilitator' | 'member' | 'coach' | 'coordinator' | 'visitor', Page>> = {};
let meetingPath = '';

async function deviceFor(person: Person | typeof coordinator | null): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  if (person) await signInThroughSettings(page, baseURL, person);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  cohort = await createCohortOverHttp(baseURL, coordinator, 'Dana Reid', ['Amira Khan', 'Tom Hughes'], { coachName: 'Sam Lee' });
  const facilitator = await deviceFor(cohort.facilitator);
  await facilitator.goto(`${baseURL}/set`);
  await facilitator.getByRole('button', { name: 'Start a meeting' }).click();
  await facilitator.getByRole('form', { name: 'Start a meeting' }).getByLabel('Place').fill('Oakfield Primary library');
  await facilitator.getByRole('button', { name: 'Start the meeting' }).click();
  await facilitator.getByRole('heading', { name: /^Set meeting, / }).waitFor();
  meetingPath = new URL(facilitator.url()).pathname;
  const round = facilitator.getByRole('region', { name: 'Amira Khan', exact: true });
  await round.getByLabel('Update since last meeting').fill('Phonics groups now run daily.');
  await round.getByRole('form', { name: 'Add an action' }).getByLabel('New action').fill('Two learning walks');
  await round.getByRole('button', { name: 'Add action' }).click();
  await round.getByText('Two learning walks').waitFor();
  pages.facilitator = facilitator;
  const [amira] = cohort.members;
  if (!amira || !cohort.coach) throw new Error('cohort setup incomplete');
  pages.member = await deviceFor(amira);
  pages.coach = await deviceFor(cohort.coach);
  pages.coordinator = await deviceFor(coordinator);
  pages.visitor = await deviceFor(null);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

type Who = keyof typeof pages;
interface Screen {
  readonly who: Who;
  readonly label: string;
  readonly path: () => string;
  /** A step that brings the screen's state about, or what it shows once ready. */
  readonly then?: (page: Page) => Promise<void>;
}

const EVENT_TITLE = 'Core workshop 1: leading change';
const SCREENS: readonly Screen[] = [
  { who: 'facilitator', label: 'My set', path: () => '/set' },
  { who: 'facilitator', label: 'meeting notes', path: () => meetingPath },
  { who: 'facilitator', label: 'meeting mode', path: () => `${meetingPath}/run` },
  { who: 'member', label: 'Today', path: () => '/' },
  { who: 'member', label: 'My set', path: () => '/set' },
  { who: 'member', label: 'meeting notes', path: () => meetingPath },
  { who: 'member', label: 'timeline with a set meeting', path: () => '/timeline', then: (page) => page.locator('.timeline__item').first().waitFor() },
  { who: 'member', label: 'Settings, signed in', path: () => '/settings', then: (page) => page.getByRole('button', { name: 'Sign out' }).waitFor() },
  {
    who: 'member',
    label: 'the sign-out dialog',
    path: () => '/settings',
    then: async (page) => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('dialog', { name: 'Sign out on this device?' }).waitFor();
      await page.getByLabel('Remove my writing from this device (shared tablet)').check();
    },
  },
  { who: 'coach', label: 'Coaching', path: () => '/coaching' },
  {
    who: 'coach',
    label: 'a new coaching session',
    path: () => '/coaching',
    then: async (page) => {
      await page.getByRole('button', { name: /^Add a session with / }).click();
      await page.getByRole('form', { name: /^New session with / }).waitFor();
    },
  },
  {
    who: 'coach',
    label: 'Coaching with a session',
    path: () => '/coaching',
    then: async (page) => {
      await page.getByRole('button', { name: /^Add a session with / }).click();
      const form = page.getByRole('form', { name: /^New session with / });
      await form.getByLabel('Focus', { exact: true }).fill('Keeping new staff');
      await form.getByLabel('Notes', { exact: true }).fill('Talked through the buddy scheme.');
      await form.getByRole('button', { name: 'Save the session' }).click();
      await form.waitFor({ state: 'detached' });
    },
  },
  { who: 'member', label: 'Coaching with her coach', path: () => '/coaching', then: (page) => page.getByText('Keeping new staff').first().waitFor({ timeout: 20_000 }) },
  { who: 'coordinator', label: 'cohorts', path: () => '/cohort' },
  { who: 'coordinator', label: 'sets and people', path: () => `/cohort/${cohort.cohortId}` },
  { who: 'coordinator', label: 'programme calendar', path: () => `/cohort/${cohort.cohortId}/calendar` },
  {
    who: 'coordinator',
    label: 'an event added to the programme calendar',
    path: () => `/cohort/${cohort.cohortId}/calendar`,
    then: async (page) => {
      await page.getByRole('button', { name: 'Add to the calendar' }).click();
      const form = page.getByRole('form', { name: 'Add to the calendar' });
      await form.getByLabel('Title').fill(EVENT_TITLE);
      await form.getByLabel('Date').fill('2026-10-05');
      await form.getByLabel('Place (optional)').fill('Northfield Teaching School');
      await form.getByRole('button', { name: 'Add to the calendar' }).click();
      await page.getByRole('list', { name: 'Calendar by date' }).getByText(EVENT_TITLE).waitFor();
    },
  },
  {
    who: 'coordinator',
    label: 'a programme event opened from the timeline',
    path: () => '/timeline',
    then: async (page) => {
      await page.getByRole('link', { name: new RegExp(EVENT_TITLE) }).click();
      await page.getByRole('heading', { name: EVENT_TITLE }).waitFor();
    },
  },
  { who: 'coordinator', label: 'invitations', path: () => `/cohort/${cohort.cohortId}/invitations` },
  {
    who: 'coordinator',
    label: 'an invitation form with mistakes',
    path: () => `/cohort/${cohort.cohortId}/invitations`,
    then: async (page) => {
      await page.getByRole('button', { name: 'Make the invitation' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
    },
  },
  {
    who: 'coordinator',
    label: 'an invitation just made',
    path: () => `/cohort/${cohort.cohortId}/invitations`,
    then: async (page) => {
      const form = page.getByRole('form', { name: 'Invite someone' });
      await form.getByLabel('Their name').fill('Noor Ahmed');
      await form.getByLabel('Their email').fill(`noor.${Date.now()}@oakfield.example`);
      await form.getByLabel('Participant').check();
      await form.getByLabel('The set they will join').selectOption({ label: 'Set A — primary' });
      await form.getByRole('button', { name: 'Make the invitation' }).click();
      await page.getByRole('heading', { name: 'Invitation for Noor Ahmed' }).waitFor();
    },
  },
  { who: 'coordinator', label: 'overview', path: () => `/cohort/${cohort.cohortId}/overview` },
  { who: 'visitor', label: 'join with a code', path: () => '/join' },
];

describe('accessibility of the set, cohort, coaching and join screens', () => {
  for (const screen of SCREENS) {
    it(`${screen.who}: ${screen.label} has no serious axe violations and big enough touch targets`, async () => {
      const page = pages[screen.who];
      if (!page) throw new Error(`no device for ${screen.who}`);
      await page.goto(`${baseURL}${screen.path()}`);
      await page.locator('main h1, main h2').first().waitFor();
      await screen.then?.(page);
      routes.visited(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await smallTouchTargets(page)).toEqual([]);
    });
  }

  it('visitor: a join link shows what the invitation is for, accessibly', async () => {
    const page = pages.visitor;
    if (!page) throw new Error('no visitor device');
    const code = await cohort.invite('Grace Obi');
    await page.goto(`${baseURL}/join/${code}`);
    await page.getByText(/Grace Obi/).first().waitFor();
    routes.visited(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  it('audited exactly the routes support/auditedRoutes.ts lists for this file', () => {
    expect(routes.mismatch()).toEqual({ listedButNotAudited: [], auditedButNotListed: [] });
  });
});
