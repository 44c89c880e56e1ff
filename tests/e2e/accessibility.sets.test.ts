// The set, cohort, coaching and join screens, with data in them, as each kind of person sees
// them: no serious or critical axe-core violation, and touch targets of at least 44 × 44 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { createCohortOverHttp, type CohortOverHttp, type Person } from './support/cohortOverHttp';
import { seriousViolations } from './support/seriousViolations';
import { signInThroughSettings } from './support/signInThroughSettings';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
const coordinator = inject('coordinatorUser');

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
const SCREENS: readonly { who: Who; label: string; path: () => string }[] = [
  { who: 'facilitator', label: 'My set', path: () => '/set' },
  { who: 'facilitator', label: 'meeting notes', path: () => meetingPath },
  { who: 'facilitator', label: 'meeting mode', path: () => `${meetingPath}/run` },
  { who: 'member', label: 'Today', path: () => '/' },
  { who: 'member', label: 'My set', path: () => '/set' },
  { who: 'member', label: 'meeting notes', path: () => meetingPath },
  { who: 'coach', label: 'Coaching', path: () => '/coaching' },
  { who: 'coordinator', label: 'cohorts', path: () => '/cohort' },
  { who: 'coordinator', label: 'sets and people', path: () => `/cohort/${cohort.cohortId}` },
  { who: 'coordinator', label: 'programme calendar', path: () => `/cohort/${cohort.cohortId}/calendar` },
  { who: 'coordinator', label: 'invitations', path: () => `/cohort/${cohort.cohortId}/invitations` },
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
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);
  });
});
