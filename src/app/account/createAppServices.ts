import { createRepositories, type Repositories } from '../db/createRepositories';
import { SetwiseDatabase } from '../db/SetwiseDatabase';
import { useAppNoticeStore } from '../state/appNoticeStore';
import { useSyncStatusStore } from '../state/syncStatusStore';
import { createSyncApi } from '../sync/createSyncApi';
import { createSyncEngine, type SyncEngine } from '../sync/createSyncEngine';
import { SyncHttpError } from '../sync/SyncHttpError';
import type { AccountApi } from './accountApi';
import { databaseNameFor, useAccountStore, type Account } from './accountStore';

export interface AppServices {
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
  readonly engine: SyncEngine | null;
  start(): void;
  stop(): void;
}

/**
 * Everything the app needs for one person on this device: their local database, the
 * repositories over it and, when signed in, the sync engine and the server's change events.
 * Signed out there is no engine: everything stays on the device and the line says so.
 */
export function createAppServices(account: Account | null, accountApi: AccountApi): AppServices {
  const db = new SetwiseDatabase(databaseNameFor(account));
  const setNotice = useAppNoticeStore.getState().setNotice;
  db.on('blocked', () => setNotice('upgrade-blocked'));
  db.on('versionchange', (event) => {
    db.close();
    // newVersion null: the database is being deleted, not upgraded — a sign-in adopting the
    // signed-out writing, or a sign-out removing it. Not a new version of Setwise, so no banner.
    if (event.newVersion !== null) setNotice('updated-elsewhere');
    return false;
  });
  db.on('ready', () => {
    if (useAppNoticeStore.getState().notice === 'upgrade-blocked') setNotice(null);
  });
  const repositories = createRepositories(db);
  const setStatus = useSyncStatusStore.getState().setStatus;
  if (!account) {
    // The search index follows this database while it is open; stopping lets it save and let go.
    return { db, repositories, engine: null, start: () => setStatus({ kind: 'local-only' }), stop: () => void repositories.search.close() };
  }

  const api = createSyncApi({ csrfToken: () => useAccountStore.getState().csrfToken });
  const engine = createSyncEngine({
    db,
    api,
    onStatus: setStatus,
    onSignedOut: () => useAccountStore.getState().sessionLost(),
    locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
    // The CSRF token lives in memory only: after a reload, ask the server for it again.
    prepare: async () => {
      if (useAccountStore.getState().csrfToken) return;
      const session = await accountApi.session().catch(() => {
        throw new SyncHttpError('No connection.', 'offline', null);
      });
      if (!session || session.user.id !== account.userId) throw new SyncHttpError('Sign in to sync.', 'unauthenticated', 401);
      useAccountStore.getState().sessionConfirmed(session.csrfToken);
    },
  });
  let events: EventSource | null = null;

  return {
    db,
    repositories,
    engine,
    start() {
      void db.meta.put({ key: 'owner', value: account.userId });
      engine.start();
      if (typeof EventSource !== 'undefined') {
        events = new EventSource('/api/sync/events');
        events.addEventListener('change', () => engine.requestSync());
        // After a reconnect (network back, server restarted) catch up on what was missed.
        events.addEventListener('open', () => engine.requestSync());
      }
    },
    stop() {
      events?.close();
      engine.stop();
      void repositories.search.close();
    },
  };
}
