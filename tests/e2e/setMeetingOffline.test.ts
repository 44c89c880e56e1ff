// A facilitator records a set meeting with three rounds while offline, then goes online; a
// member signed in on another tablet sees their round and their action (and it is on their
// Today as due this week); the next meeting opens with those actions to review.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toIsoDate } from '../../src/domain/dates';
import { launchBrowser, newContext } from './support/browser';
import { createCohortOverHttp, type CohortOverHttp } from './support/cohortOverHttp';
import { signInThroughSettings, statusLine, waitUntilSynced } from './support/signInThroughSettings';

const baseURL = inject('baseURL');
const coordinator = inject('coordinatorUser');

let browser: Browser;
const contexts: BrowserContext[] = [];
let cohort: CohortOverHttp;

beforeAll(async () => {
  browser = await launchBrowser();
  cohort = await createCohortOverHttp(baseURL, coordinator, 'Dana Reid', ['Amira Khan', 'Tom Hughes', 'Grace Obi']);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

async function openDevice(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  contexts.push(context);
  return { context, page: await context.newPage() };
}

const inDays = (days: number): string => toIsoDate(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
const UPDATES: Record<string, string> = {
  'Amira Khan': 'Phonics groups now run daily; two TAs trained; Year 2 scores up from 27% to 41%.',
  'Tom Hughes': 'Change teams started: every member of staff is in one.',
  'Grace Obi': 'Filmed two lessons for self-reflection; staff were nervous but keen.',
};
const ACTION = 'Run two learning walks with the KS1 team';

describe('a set meeting recorded offline', () => {
  it('reaches a member’s own tablet with their round and action, and comes back at the next meeting', async () => {
    const facilitator = await openDevice();
    await signInThroughSettings(facilitator.page, baseURL, cohort.facilitator);
    await facilitator.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My set' }).click();

    // The library's Wi-Fi is down for the whole meeting.
    await facilitator.context.setOffline(true);
    await facilitator.page.getByRole('button', { name: 'Start a meeting' }).click();
    const start = facilitator.page.getByRole('form', { name: 'Start a meeting' });
    await start.getByLabel('Place').fill('Oakfield Primary library');
    await start.getByRole('button', { name: 'Start the meeting' }).click();
    await facilitator.page.getByRole('heading', { name: /^Set meeting, / }).waitFor();

    for (const [name, update] of Object.entries(UPDATES)) {
      await facilitator.page.getByRole('group', { name: `Attendance: ${name}` }).getByRole('button', { name: 'Present' }).click();
      const round = facilitator.page.getByRole('region', { name, exact: true });
      await round.getByLabel('Update since last meeting').fill(update);
    }
    const amirasRound = facilitator.page.getByRole('region', { name: 'Amira Khan', exact: true });
    const addAction = amirasRound.getByRole('form', { name: 'Add an action' });
    await addAction.getByLabel('New action').fill(ACTION);
    await addAction.getByLabel('Owner').selectOption({ label: 'Amira Khan' });
    await addAction.getByLabel('Due date').fill(inDays(3));
    await addAction.getByRole('button', { name: 'Add action' }).click();
    await amirasRound.getByText(ACTION).waitFor();
    await expect.poll(() => statusLine(facilitator.page).textContent(), { timeout: 10_000 }).toMatch(/^Offline — \d+ changes? waiting$/);

    await facilitator.context.setOffline(false);
    await waitUntilSynced(facilitator.page, 30_000);

    // Amira, on her own tablet.
    const amira = await openDevice();
    const amiraAccount = cohort.members.find((m) => m.displayName === 'Amira Khan');
    if (!amiraAccount) throw new Error('no Amira');
    await signInThroughSettings(amira.page, baseURL, amiraAccount);
    await amira.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    const due = amira.page.getByRole('region', { name: 'Actions due this week' });
    await expect.poll(() => due.getByText(ACTION).count(), { timeout: 20_000 }).toBe(1);

    await amira.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My set' }).click();
    await amira.page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
    const mine = amira.page.getByRole('region', { name: 'Amira Khan (your round)' });
    await expect.poll(() => mine.getByLabel('My update').inputValue(), { timeout: 20_000 }).toBe(UPDATES['Amira Khan']);
    await mine.getByText(ACTION).waitFor();
    // Everyone's round is there for the set to read; hers is the one she can add to.
    await amira.page.getByRole('region', { name: 'Tom Hughes', exact: true }).getByText(UPDATES['Tom Hughes'] ?? '').waitFor();
    // Others' rounds are hers to read and comment on, not to rewrite.
    expect(await amira.page.getByRole('region', { name: 'Tom Hughes', exact: true }).getByRole('textbox', { name: /update/i }).count()).toBe(0);

    // Next meeting, a fortnight later: last time's open action is waiting to be reviewed.
    await facilitator.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My set' }).click();
    await facilitator.page.getByRole('button', { name: 'Start a meeting' }).click();
    const next = facilitator.page.getByRole('form', { name: 'Start a meeting' });
    await next.getByLabel('Date').fill(inDays(14));
    await next.getByRole('button', { name: 'Start the meeting' }).click();
    const review = facilitator.page.getByRole('region', { name: 'Actions from last time' });
    await review.getByText(ACTION).waitFor();
    await review.getByRole('button', { name: 'Carry over' }).waitFor();
    await review.getByRole('button', { name: 'Done' }).waitFor();
  });
});
