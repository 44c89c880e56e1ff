import { screen, waitFor, within } from '@testing-library/react';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databaseNameFor, useAccountStore } from '../../../../src/app/account/accountStore';
import { BLANK_ENTRY_FORM } from '../../../../src/app/journal/entryForm';
import { downloadBlob } from '../../../../src/app/platform/downloadBlob';
import { registerPendingSave } from '../../../../src/app/ui/pendingSaves';
import { createFakeAccountApi } from '../support/fakeAccountApi';
import { renderAccountApp, resetAccountWorld, signedInAsPriya, withDatabase } from '../support/renderAccountApp';

// The browser's download is not something jsdom can do; the test checks what would be saved.
vi.mock('../../../../src/app/platform/downloadBlob', () => ({ downloadBlob: vi.fn() }));

afterEach(async () => {
  vi.mocked(downloadBlob).mockClear();
  vi.restoreAllMocks();
  await resetAccountWorld();
});

async function openSignOut(view: ReturnType<typeof renderAccountApp>) {
  const section = await screen.findByRole('region', { name: 'Account and sync' });
  await view.user.click(within(section).getByRole('button', { name: 'Sign out' }));
  return screen.getByRole('dialog', { name: 'Sign out on this device?' });
}

const REMOVE_CHOICE = 'Remove my writing from this device (shared tablet)';

describe('signing out of this device', () => {
  it('says how many changes are not on the server, offers to send or download them, and removes only with "Remove anyway"', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['Coaching notes: Year 4 maths.', 'Pupil voice on homework.']);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);

    expect(
      await within(dialog).findByText('2 changes have not reached the server yet. If you remove them from this device now they are lost.'),
    ).toBeInTheDocument();
    expect(dialog).toHaveAccessibleDescription(/^2 changes have not reached the server yet/);
    expect(within(dialog).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Download everything I wrote' })).toBeInTheDocument();
    const keep = within(dialog).getByRole('radio', { name: 'Keep my writing on this device' });
    expect(keep).toBeChecked();
    expect(keep).toHaveFocus();
    expect(within(dialog).queryByRole('button', { name: 'Remove anyway' })).not.toBeInTheDocument();

    await view.user.click(within(dialog).getByRole('radio', { name: REMOVE_CHOICE }));
    // The ordinary way out stays shut while writing waits; the way past it says what it does.
    expect(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' })).toBeDisabled();
    const anyway = within(dialog).getByRole('button', { name: 'Remove anyway' });
    expect(anyway).toHaveAccessibleDescription(/it cannot be brought back/);
    expect(await Dexie.exists(databaseNameFor(account))).toBe(true);
    expect(useAccountStore.getState().account).not.toBeNull();
    expect(api.signOuts).toHaveLength(0);

    await view.user.click(anyway);
    expect(await screen.findByText('Signed out, and your writing was removed from this device.')).toBeInTheDocument();
    expect(useAccountStore.getState().account).toBeNull();
    expect(api.signOuts).toHaveLength(1);
    expect(await Dexie.exists(databaseNameFor(account))).toBe(false);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('downloads everything written before removing anything', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['Learning walk: phonics in Reception.']);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);
    await view.user.click(within(dialog).getByRole('radio', { name: REMOVE_CHOICE }));
    await view.user.click(await within(dialog).findByRole('button', { name: 'Download everything I wrote' }));

    expect(await within(dialog).findByText(/^Downloaded\. The file is in this tablet’s downloads/)).toBeInTheDocument();
    expect(downloadBlob).toHaveBeenCalledTimes(1);
    const [file, fileName] = vi.mocked(downloadBlob).mock.calls[0] ?? [];
    expect(fileName).toMatch(/priya-shah/);
    expect(await (file as Blob).text()).toContain('Learning walk: phonics in Reception.');
    // Downloading removes nothing and signs no one out.
    expect(useAccountStore.getState().account).not.toBeNull();
    expect(await Dexie.exists(databaseNameFor(account))).toBe(true);
    expect(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' })).toBeDisabled();
  });

  it('counts unfinished drafts, which never sync, and offers no "Sync now" offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api, ['Staff meeting: marking policy.']);
    await withDatabase(databaseNameFor(account), async (repositories) => {
      await repositories.drafts.put('new-entry', { ...BLANK_ENTRY_FORM, body: 'Half a thought about Year 6 transition' });
      // A draft with nothing typed in it is not writing.
      await repositories.drafts.put('challenge-form', { question: '', startedOn: '2026-05-14' });
    });
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);

    expect(
      await within(dialog).findByText(
        'Only on this device so far: 1 change and 1 unfinished draft. If you remove them from this device now they are lost.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/This tablet is offline, so they cannot be sent now/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('Unfinished drafts are not in the file: finish and save them first to keep them.')).toBeInTheDocument();
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

  it('removes without "Remove anyway" when everything has reached the server', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);

    expect(await within(dialog).findByText('Everything you wrote here has reached the server.')).toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('radio', { name: REMOVE_CHOICE }));
    expect(within(dialog).queryByRole('button', { name: 'Remove anyway' })).not.toBeInTheDocument();
    await view.user.click(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' }));

    await waitFor(() => expect(useAccountStore.getState().account).toBeNull());
    expect(await Dexie.exists(databaseNameFor(account))).toBe(false);
  });

  it('removes nothing when writing lands on the device after the person looked', async () => {
    const api = createFakeAccountApi();
    const account = await signedInAsPriya(api);
    const view = renderAccountApp({ api });
    const dialog = await openSignOut(view);
    await within(dialog).findByText('Everything you wrote here has reached the server.');
    await view.user.click(within(dialog).getByRole('radio', { name: REMOVE_CHOICE }));

    // An editor's last keystrokes, still on their way to the device when "remove" is pressed.
    const unregister = registerPendingSave(() =>
      withDatabase(databaseNameFor(account), async (repositories) => {
        await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: 'Typed just before signing out.' });
      }),
    );
    try {
      await view.user.click(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' }));
      expect(await within(dialog).findByText(/^Something new was written on this device while this was open\. Nothing has been removed/)).toBeInTheDocument();
    } finally {
      unregister();
    }
    expect(useAccountStore.getState().account).not.toBeNull();
    expect(await Dexie.exists(databaseNameFor(account))).toBe(true);
    expect(
      await within(dialog).findByText('1 change has not reached the server yet. If you remove it from this device now it is lost.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Sign out and remove my writing' })).toBeDisabled();
  });
});
