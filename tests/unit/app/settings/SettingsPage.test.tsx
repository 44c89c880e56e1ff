import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAccountApp, resetAccountWorld } from '../support/renderAccountApp';

/** A stand-in for the browser's StorageManager, for these tests only. */
function stubStorage({ persisted, grant }: { persisted: boolean; grant: boolean }) {
  let isPersisted = persisted;
  const storage = {
    persisted: vi.fn(async () => isPersisted),
    persist: vi.fn(async () => {
      isPersisted = grant;
      return grant;
    }),
    estimate: vi.fn(async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 })),
  };
  Object.defineProperty(window.navigator, 'storage', { value: storage, configurable: true });
  return storage;
}

/** Settings as the app shows it, signed out, with the account screens on a fake server. */
function renderSettings() {
  return renderAccountApp({ path: '/settings' });
}

describe('Settings', () => {
  afterEach(async () => {
    Reflect.deleteProperty(window.navigator, 'storage');
    await resetAccountWorld();
  });

  it('says when storage is persistent and how much is used, and offers sign-in to sync', async () => {
    stubStorage({ persisted: true, grant: true });
    renderSettings();

    const storage = await screen.findByRole('region', { name: 'Storage on this device' });
    expect(
      await within(storage).findByText("Persistent — your browser will not clear Setwise's data to free space."),
    ).toBeInTheDocument();
    expect(within(storage).getByText('Setwise is using 3.0 MB of about 2.0 GB available.')).toBeInTheDocument();
    expect(within(storage).queryByRole('button', { name: 'Keep my data on this device' })).not.toBeInTheDocument();

    const account = screen.getByRole('region', { name: 'Account and sync' });
    expect(within(account).getByText(/^Everything you write is saved on this device/)).toBeInTheDocument();
    expect(within(account).getByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText(/^Setwise version \d+\.\d+\.\d+/)).toBeInTheDocument();
  });

  it('asks the browser to keep the data when it is not yet persistent', async () => {
    const storage = stubStorage({ persisted: false, grant: true });
    const { user } = renderSettings();

    expect(await screen.findByText(/^Not yet persistent —/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Keep my data on this device' }));

    expect(storage.persist).toHaveBeenCalledOnce();
    expect(
      await screen.findByText("Persistent — your browser will not clear Setwise's data to free space."),
    ).toBeInTheDocument();
  });

  it('says so honestly when the browser refuses', async () => {
    stubStorage({ persisted: false, grant: false });
    const { user } = renderSettings();

    await user.click(await screen.findByRole('button', { name: 'Keep my data on this device' }));
    expect(await screen.findByText(/Your browser said not yet/)).toBeInTheDocument();
    expect(screen.getByText(/^Not yet persistent —/)).toBeInTheDocument();
  });
});
