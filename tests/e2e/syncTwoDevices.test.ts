// One person, two devices: Priya signs in through Settings on both, writes an entry on the
// first while it is offline, and the entry reaches the second — open on the journal, untouched —
// as soon as the first is back online (the server's change event makes the second pull).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext } from './support/browser';
import { seriousViolations } from './support/seriousViolations';
import { smallTouchTargets } from './support/touchTargets';

const baseURL = inject('baseURL');
const testUser = inject('testUser');

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

/** A separate browser profile: its own cookies, IndexedDB and service worker, like another tablet. */
async function openDevice(): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  return { context, page, cspViolations };
}


const statusLine = (page: Page) => page.locator('.app__bar').getByRole('status');

async function signInThroughSettings(page: Page): Promise<void> {
  await page.goto(`${baseURL}/settings`);
  const section = page.getByRole('region', { name: 'Account and sync' });
  await section.getByLabel('Email').fill(testUser.email);
  await section.getByLabel('Password').fill(testUser.password);
  await section.getByRole('button', { name: 'Sign in' }).click();
  await section.getByRole('status').filter({ hasText: `Signed in as ${testUser.displayName}` }).waitFor();
  await expect.poll(() => statusLine(page).textContent(), { timeout: 15_000 }).toMatch(/^Synced \d{2}:\d{2}$/);
}

describe('sync between two devices', () => {
  it('brings an entry written offline on one device to the other, open on the journal, without a reload', async () => {
    const a = await openDevice();
    const b = await openDevice();
    await signInThroughSettings(a.page);
    await signInThroughSettings(b.page);

    // Both go to the journal through the app's own menu; from here on B is left alone.
    for (const { page } of [a, b]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
      await page.getByRole('heading', { name: 'Journal', level: 1 }).waitFor();
    }
    const bNavigations: string[] = [];
    b.page.on('framenavigated', (frame) => bNavigations.push(frame.url()));
    b.page.on('load', () => bNavigations.push('load'));

    await a.context.setOffline(true);
    const text = 'Staff meeting at Oakfield Primary: agreed the new phonics groupings.';
    await a.page.getByLabel('What happened?').fill(text);
    await a.page.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => statusLine(a.page).textContent(), { timeout: 10_000 }).toMatch(/^Offline — 1 change waiting$/);
    await expect.poll(() => b.page.getByText(text).count()).toBe(0);

    await a.context.setOffline(false);
    await expect
      .poll(() => b.page.getByRole('list', { name: 'Entries' }).getByText(text).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => statusLine(a.page).textContent(), { timeout: 15_000 }).toMatch(/^Synced \d{2}:\d{2}$/);

    expect(bNavigations).toEqual([]);
    expect(new URL(b.page.url()).pathname).toBe('/journal');
    expect([...a.cspViolations, ...b.cspViolations]).toEqual([]);
    // Signing in deletes the signed-out database this tab had open: no "updated elsewhere" banner.
    for (const { page } of [a, b]) expect(await page.getByText(/was updated in another tab/).count()).toBe(0);
  });

  it('signs out in one deliberate, accessible step that warns about unsynced writing', async () => {
    const { context, page } = await openDevice();
    await signInThroughSettings(page);
    await context.setOffline(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByLabel('What happened?').fill('Reading buddies: Year 5 with Year 1, Tuesdays.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();

    const section = page.getByRole('region', { name: 'Account and sync' });
    await section.getByText('1 change', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    const signOut = section.getByRole('button', { name: 'Sign out' });
    await signOut.click();
    const dialog = page.getByRole('dialog', { name: 'Sign out on this device?' });
    await dialog.getByText('1 change has not reached the server yet. If you remove it from this device now it is lost.').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Keep my writing on this device' }).evaluate((radio) => radio === document.activeElement)).toBe(true);
    await dialog.getByText('Remove my writing from this device (shared tablet)').click();
    expect(await dialog.getByRole('button', { name: 'Sign out and remove my writing' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTouchTargets(page)).toEqual([]);

    // A real modal: Escape closes it and focus returns to "Sign out".
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await signOut.evaluate((button) => button === document.activeElement)).toBe(true);

    await signOut.click();
    await dialog.getByRole('button', { name: 'Sign out', exact: true }).click();
    await section.getByText('Signed out. Your writing is still on this device and syncs again when you sign in.').waitFor();
    await section.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.setOffline(false);
  });
});
