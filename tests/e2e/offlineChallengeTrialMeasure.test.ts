// Offline, a participant writes her challenge, plans a trial, adds a measure with a reading and
// three log entries; she closes the page and opens a new one: all of it is still there.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitForServiceWorker } from './support/browser';
import { useTabletBrowser } from './support/useTabletBrowser';
import { readStore } from './support/readIndexedDb';

const baseURL = inject('baseURL');
const session = useTabletBrowser();

/** In-app navigation through the menu: offline there is no server to ask for a page anyway. */
async function openPlace(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

describe('a whole first session offline', () => {
  it('keeps the challenge, a trial, a measure reading and three entries', async () => {
    const page = await session.context().newPage();
    await page.goto(`${baseURL}/`);
    await waitForServiceWorker(page);
    await session.context().setOffline(true);
    await page.reload();

    await openPlace(page, 'My challenge');
    await page.getByRole('link', { name: 'Write my challenge' }).click();
    await page.getByLabel('Improving the quality of teaching').check();
    await page.getByLabel('The issue or concern, in your own words').fill('Phonics teaching in KS1 is not yet consistently good.');
    await page.getByLabel('Raising attainment').check();
    await page.getByRole('button', { name: 'Save my challenge' }).click();
    await expect.poll(async () => (await readStore(page, 'challenges')).length).toBe(1);

    await openPlace(page, 'Trials');
    await page.getByRole('link', { name: /Plan a trial/ }).first().click();
    await page.getByRole('button', { name: 'Lesson study' }).click();
    await page.getByLabel('With whom?').fill('The Year 1 and Year 2 teachers');
    await page.getByRole('button', { name: 'Save this trial' }).click();
    await expect.poll(async () => (await readStore(page, 'trials')).length).toBe(1);

    await openPlace(page, 'Measures');
    await page.getByRole('link', { name: /Add a measure/ }).first().click();
    await page.getByLabel('What are you measuring?').fill('Pupils passing the KS1 phonics check');
    await page.getByLabel('Unit').selectOption('percent');
    await page.getByLabel('Baseline', { exact: true }).fill('27');
    await page.getByLabel('Target (optional)').fill('70');
    await page.getByRole('button', { name: 'Save this measure' }).click();
    await expect.poll(async () => (await readStore(page, 'measures')).length).toBe(1);
    await page.getByLabel('Reading', { exact: true }).fill('79');
    await page.getByRole('button', { name: 'Add the reading' }).click();
    await expect.poll(async () => (await readStore(page, 'readings')).length).toBe(1);

    await openPlace(page, 'Journal');
    for (const text of ['Lesson study planning with Y1.', 'Observed the research lesson.', 'Post-lesson discussion: pace.']) {
      await page.getByLabel('What happened?').fill(text);
      await page.getByRole('button', { name: 'Save entry' }).click();
      await expect.poll(() => page.getByRole('list', { name: 'Entries' }).getByText(text).count()).toBe(1);
    }
    await page.close();

    const reopened = await session.context().newPage();
    await reopened.goto(`${baseURL}/challenge`);
    await expect.poll(() => reopened.getByText('Phonics teaching in KS1 is not yet consistently good.').count()).toBeGreaterThan(0);
    await openPlace(reopened, 'Trials');
    await expect.poll(() => reopened.getByText('Lesson study').count()).toBeGreaterThan(0);
    await openPlace(reopened, 'Measures');
    await expect.poll(() => reopened.getByText(/27% → 79%/).count()).toBeGreaterThan(0);
    await openPlace(reopened, 'Journal');
    const list = reopened.getByRole('list', { name: 'Entries' });
    await expect.poll(() => list.getByRole('link').count()).toBe(3);
    expect((await readStore(reopened, 'challengeRevisions')).length).toBe(1);
    await session.context().setOffline(false);
    await reopened.close();
  });
});
