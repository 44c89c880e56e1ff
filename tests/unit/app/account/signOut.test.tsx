import { screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseNameFor, useAccountStore } from '../../../../src/app/account/accountStore';
import { createFakeAccountApi } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, signedInAsPriya, withDatabase } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

async function openSignOut(view: ReturnType<typeof renderAccountApp>) {
  const section = await screen.findByRole('region', { name: 'Account and sync' });
  await view.user.click(within(section).getByRole('button', { name: 'Sign out' }));
  return screen.getByRole('dialog', { name: 'Sign out on this device?' });
}

describe('signing out of this device', () => {
  it('warns about changes not yet on the server and removes them only after "I understand"', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['Coaching notes: Year 4 maths.', 'Pupil voice on homework.']);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);

    expect(
      await within(dialog).findByText('2 changes have not reached the server yet. If you remove them from this device now they are lost.'),
    ).toBeInTheDocument();
    expect(dialog).toHaveAccessibleDescription(/^2 changes have not reached the server yet/);
    expect(within(dialog).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
    const keep = within(dialog).getByRole('radio', { name: 'Keep my writing on this device' });
    expect(keep).toBeChecked();
    expect(keep).toHaveFocus();

    await view.user.click(within(dialog).getByRole('radio', { name: 'Remove my writing from this device (shared tablet)' }));
    const remove = within(dialog).getByRole('button', { name: 'Sign out and remove my writing' });
    expect(remove).toBeDisabled();
    await view.user.click(within(dialog).getByRole('checkbox', { name: /^I understand/ }));
    expect(remove).toBeEnabled();
    await view.user.click(remove);

    expect(await screen.findByText('Signed out, and your writing was removed from this device.')).toBeInTheDocument();
    expect(useAccountStore.getState().account).toBeNull();
    expect(api.signOuts).toHaveLength(1);
    await waitFor(async () => expect(await Dexie.exists(databaseNameFor(account))).toBe(false));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('keeps the writing on this device by default, ready for the next sign-in', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['Learning walk: phonics in Reception.']);
    const view = renderAccountApp({ api });

    // Cancel first: nothing happens and focus goes back to "Sign out".
    let dialog = await openSignOut(view);
    expect(
      await within(dialog).findByText('1 change has not reached the server yet. If you remove it from this device now it is lost.'),
    ).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveFocus();

    dialog = await openSignOut(view);
    await view.user.click(within(dialog).getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Signed out. Your writing is still on this device and syncs again when you sign in.')).toBeInTheDocument();
    expect(useAccountStore.getState().account).toBeNull();
    expect(api.signOuts).toHaveLength(1);
    expect(await Dexie.exists(databaseNameFor(account))).toBe(true);
    await withDatabase(databaseNameFor(account), async (repositories) => {
      expect(await repositories.logEntries.list()).toHaveLength(1);
      expect(await repositories.device.pendingChangeCount()).toBe(1);
    });
  });

  it('removes without "I understand" when everything has reached the server', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);

    expect(await within(dialog).findByText('Everything you wrote here has reached the server.')).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('radio', { name: 'Remove my writing from this device (shared tablet)' }));
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' }));

    await waitFor(() => expect(useAccountStore.getState().account).toBeNull());
    await waitFor(async () => expect(await Dexie.exists(databaseNameFor(account))).toBe(false));
  });
});
