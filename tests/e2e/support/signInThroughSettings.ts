import type { Page } from 'playwright-core';

export const statusLine = (page: Page) => page.locator('.app__bar').getByRole('status');

/** Signs in through Settings as a person would, and waits for the first sync to finish. */
export async function signInThroughSettings(page: Page, baseURL: string, user: { email: string; password: string; displayName: string }): Promise<void> {
  await page.goto(`${baseURL}/settings`);
  const section = page.getByRole('region', { name: 'Account and sync' });
  await section.getByLabel('Email').fill(user.email);
  await section.getByLabel('Password').fill(user.password);
  await section.getByRole('button', { name: 'Sign in' }).click();
  await section.getByRole('status').filter({ hasText: `Signed in as ${user.displayName}` }).waitFor();
  await waitUntilSynced(page);
}

/** Waits for the status line to say "Synced hh:mm" (nothing waiting, last sync succeeded). */
export async function waitUntilSynced(page: Page, timeout = 20_000): Promise<void> {
  // A locator wait rather than expect.poll, so set-up code outside a test can use it too.
  await statusLine(page).filter({ hasText: /^Synced \d{2}:\d{2}$/ }).waitFor({ timeout });
}
