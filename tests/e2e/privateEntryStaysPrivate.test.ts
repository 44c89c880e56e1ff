// A private log entry never reaches anyone else: not the set's facilitator, not another member,
// and not the coordinator, whose overview counts it but never shows it. Checked on the screens
// and in everything each browser holds in IndexedDB; an entry shared with the set on purpose
// does arrive, so the devices are demonstrably syncing.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { createCohortOverHttp, type CohortOverHttp } from './support/cohortOverHttp';
import { readAllIndexedDbAsText } from './support/readIndexedDb';
import { signInThroughSettings, waitUntilSynced } from './support/signInThroughSettings';

const baseURL = inject('baseURL');
const coordinator = inject('coordinatorUser');

let browser: Browser;
const contexts: BrowserContext[] = [];
let cohort: CohortOverHttp;

beforeAll(async () => {
  browser = await launchBrowser();
  cohort = await createCohortOverHttp(baseURL, coordinator, 'Dana Reid', ['Amira Khan', 'Tom Hughes']);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** Another tablet: its own cookies, IndexedDB and service worker. */
async function openDevice(): Promise<Page> {
  const context = await newContext(browser);
  contexts.push(context);
  return context.newPage();
}

const PRIVATE_WORDS = 'Not sure the head trusts me with the phonics budget.';
const SHARED_WORDS = 'Learning walks in Year 2: phonics groups calmer after two weeks.';

async function writeEntry(page: Page, words: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
  await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
  await page.getByLabel('What happened?').fill(words);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await page.getByRole('link', { name: new RegExp(words.slice(0, 30)) }).first().waitFor();
}

describe('a private log entry', () => {
  it('never appears for the facilitator, another member or the coordinator, even in the counts', async () => {
    const [amira, tom] = cohort.members as [CohortOverHttp['members'][number], CohortOverHttp['members'][number]];
    const amiraPage = await openDevice();
    await signInThroughSettings(amiraPage, baseURL, amira);
    await writeEntry(amiraPage, PRIVATE_WORDS);
    await writeEntry(amiraPage, SHARED_WORDS);

    // The private one says so; the other is shared with the set in two deliberate steps.
    await amiraPage.getByRole('link', { name: new RegExp(PRIVATE_WORDS.slice(0, 30)) }).click();
    await amiraPage.getByText('Only you can see this').first().waitFor();
    await amiraPage.getByRole('link', { name: new RegExp(SHARED_WORDS.slice(0, 30)) }).click();
    await amiraPage.getByRole('button', { name: 'Change who can see this' }).click();
    await amiraPage.getByRole('radio', { name: /^Your set \(2 people\)$/ }).check();
    await amiraPage.getByRole('button', { name: 'Share' }).click();
    await amiraPage.getByText('Your set (2 people) can see this').waitFor();
    await waitUntilSynced(amiraPage);

    const onlookers = [
      { who: 'the facilitator', person: cohort.facilitator },
      { who: 'another member', person: tom },
    ];
    for (const { who, person } of onlookers) {
      const page = await openDevice();
      await signInThroughSettings(page, baseURL, person);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My set' }).click();
      const shared = page.getByRole('region', { name: 'Shared with the set' });
      await expect.poll(() => shared.getByText(SHARED_WORDS).count(), { timeout: 20_000, message: `${who} sees the shared entry` }).toBeGreaterThan(0);
      expect(await page.getByText(PRIVATE_WORDS).count(), `${who}: My set`).toBe(0);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
      await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
      expect(await page.getByText(PRIVATE_WORDS).count(), `${who}: Journal`).toBe(0);
      // Their own journal is theirs: someone else's shared entry is not in it either.
      expect(await page.getByText(SHARED_WORDS).count(), `${who}: Journal`).toBe(0);
      const held = await readAllIndexedDbAsText(page);
      expect(held).toContain(SHARED_WORDS);
      expect(held, `${who}: IndexedDB`).not.toContain(PRIVATE_WORDS);
    }

    const coordinatorPage = await openDevice();
    await signInThroughSettings(coordinatorPage, baseURL, coordinator);
    await coordinatorPage.goto(`${baseURL}/cohort/${cohort.cohortId}/overview`);
    const people = coordinatorPage.getByRole('table', { name: 'Participants' });
    const amiraRow = people.getByRole('row', { name: new RegExp(amira.displayName) });
    await expect.poll(() => amiraRow.getByRole('cell').allTextContents(), { timeout: 20_000 }).toContain('2');
    expect(await coordinatorPage.getByText(PRIVATE_WORDS).count()).toBe(0);
    expect(await coordinatorPage.content()).not.toContain(PRIVATE_WORDS);
    const coordinatorHeld = await readAllIndexedDbAsText(coordinatorPage);
    expect(coordinatorHeld).not.toContain(PRIVATE_WORDS);
    expect(coordinatorHeld).not.toContain(SHARED_WORDS);
  });
});
