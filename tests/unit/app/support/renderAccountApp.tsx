import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { Route, Router, Switch } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { vi } from 'vitest';
import { useAccountNoticeStore } from '../../../../src/app/account/accountNoticeStore';
import { AccountScope } from '../../../../src/app/account/AccountScope';
import { databaseNameFor, useAccountStore, type Account } from '../../../../src/app/account/accountStore';
import { completeSignIn } from '../../../../src/app/account/signInOnThisDevice';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { SettingsPage } from '../../../../src/app/settings/SettingsPage';
import { StatusLine } from '../../../../src/app/shell/StatusLine';
import { useAppNoticeStore } from '../../../../src/app/state/appNoticeStore';
import { useSyncStatusStore } from '../../../../src/app/state/syncStatusStore';
import { ToastHost } from '../../../../src/app/ui/ToastHost';
import { createFakeAccountApi, PRIYA, type FakeAccountApi } from './fakeAccountApi';

/**
 * The app as AppRoot wires it (AccountScope: per-account database, sync engine when signed in)
 * with the status line and Settings, on fake-indexeddb, in-memory routing and a fake account
 * server. The sync engine's own requests go to a fetch that always fails as offline does, so a
 * signed-in test never reaches a network and keeps what waits to sync.
 */
export function renderAccountApp(options: { api?: FakeAccountApi; path?: string } = {}) {
  const api = options.api ?? createFakeAccountApi();
  const fetch = vi.fn<typeof globalThis.fetch>(async () => {
    throw new TypeError('Failed to fetch');
  });
  vi.stubGlobal('fetch', fetch);
  const location = memoryLocation({ path: options.path ?? '/settings', record: true });
  const user = userEvent.setup();
  const view = render(
    <Router hook={location.hook}>
      <AccountScope accountApi={api}>
        <StatusLine />
        <Switch>
          <Route path="/settings" component={SettingsPage} />
          <Route>
            <p>Another page</p>
          </Route>
        </Switch>
        <ToastHost />
      </AccountScope>
    </Router>,
  );
  return { ...view, api, fetch, location, user };
}

/** Repositories over a database of this device, opened outside the app (to seed or inspect it). */
export async function withDatabase<T>(name: string, work: (repositories: Repositories) => Promise<T>): Promise<T> {
  const db = new SetwiseDatabase(name);
  try {
    return await work(createRepositories(db));
  } finally {
    db.close();
  }
}

/** Entries written before anyone signed in here: they live in the signed-out database. */
export async function writeSignedOut(bodies: readonly string[]): Promise<void> {
  await withDatabase(databaseNameFor(null), async (repositories) => {
    for (const body of bodies) await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body });
  });
}

/** Priya already signed in on this device (through the fake server), with `pending` entries not yet synced. */
export async function signedInAsPriya(api: FakeAccountApi, pending: readonly string[] = []): Promise<Account> {
  await completeSignIn(await api.signIn(PRIYA.email, PRIYA.password));
  const account = useAccountStore.getState().account;
  if (!account) throw new Error('sign-in did not set the account');
  await withDatabase(databaseNameFor(account), async (repositories) => {
    for (const body of pending) await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body });
  });
  return account;
}

/** After each test: unmount, forget who was signed in, and delete every database on the "device". */
export async function resetAccountWorld(): Promise<void> {
  cleanup();
  // Let the last live queries and sync rounds of the unmounted app settle before deleting.
  await new Promise((resolve) => setTimeout(resolve, 20));
  vi.unstubAllGlobals();
  useAccountStore.setState({ account: null, csrfToken: null, sessionExpired: false });
  localStorage.clear();
  useSyncStatusStore.setState({ status: { kind: 'local-only' } });
  useAppNoticeStore.setState({ notice: null });
  useAccountNoticeStore.setState({ notice: null });
  for (const { name } of await indexedDB.databases()) if (name) await Dexie.delete(name);
}
