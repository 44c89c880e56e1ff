import { createRepositories, type Repositories } from '../db/createRepositories';
import { createPasscodeLockRepository } from '../db/encryption/createPasscodeLockRepository';
import { createDeviceKeyring } from '../db/encryption/deviceKeyring';
import { createLockController, type LockController } from '../lock/createLockController';
import { SetwiseDatabase } from '../db/SetwiseDatabase';
import { useAppNoticeStore } from '../state/appNoticeStore';
import { useSyncStatusStore, type SyncStatus } from '../state/syncStatusStore';
import { createSyncApi } from '../sync/createSyncApi';
import { createSyncEngine, type SyncEngine } from '../sync/createSyncEngine';
import { SyncHttpError } from '../sync/SyncHttpError';
import type { AccountApi } from './accountApi';
import { databaseNameFor, useAccountStore, type Account } from './accountStore';
import { endLeftoverSession } from './endLeftoverSession';
import { runningAppServices } from './runningAppServices';

export interface AppServices {
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
  readonly engine: SyncEngine | null;
  /** The passcode lock: start() only once it is open (no passcode, or unlocked). */
  readonly lock: LockController;
  start(): void;
  stop(): void;
  /**
   * Closes the database after stop(); it reopens by itself if used again (React may run the
   * effect again in development) — unless the services were shut down or the database deleted.
   */
  closeForNow(): void;
  /**
   * Stops for good, before the database is deleted: sync and the server's change events stop,
   * a sync round under way may finish (for a moment at most), the search index lets go, and
   * the database closes so that nothing can open — and so recreate — it again.
   */
  shutDown(): Promise<void>;
}

/** How long shutting down waits for a sync round under way; a hung request must not hold up a sign-out. */
const ROUND_WAIT_MS = 3000;

/**
 * Everything the app needs for one person on this device: their local database, the
 * repositories over it and, when signed in, the sync engine and the server's change events.
 * Signed out there is no engine: everything stays on the device and the line says so.
 */
export function createAppServices(account: Account | null, accountApi: AccountApi): AppServices {
  // 'checking' until the lock settings are read: nothing may be written in clear before then.
  const db = new SetwiseDatabase(databaseNameFor(account), createDeviceKeyring('checking'));
  const lock = createLockController(createPasscodeLockRepository(db));
  // Once shut down, or once the database is deleted under it, it must never be opened again:
  // Dexie would recreate it, empty but named after the person, or with a late search index.
  let closedForGood = false;
  let stopped = false;
  const setNotice = useAppNoticeStore.getState().setNotice;
  db.on('blocked', () => setNotice('upgrade-blocked'));
  db.on('versionchange', (event) => {
    db.close();
    // newVersion null: the database is being deleted, not upgraded — a sign-in adopting the
    // signed-out writing, or a sign-out removing it. Not a new version of Setwise, so no banner.
    if (event.newVersion !== null) setNotice('updated-elsewhere');
    else closedForGood = true;
    return false;
  });
  db.on('ready', () => {
    if (useAppNoticeStore.getState().notice === 'upgrade-blocked') setNotice(null);
  });
  const repositories = createRepositories(db);
  const setStatus = useSyncStatusStore.getState().setStatus;
  // A round that ends after stop() must not overwrite the status of whoever comes next.
  const report = (status: SyncStatus) => {
    if (!stopped) setStatus(status);
  };
  const closeForNow = () => {
    if (!closedForGood) db.close({ disableAutoOpen: false });
  };

  if (!account) {
    // A sign-out that could not reach the server left its session behind: end it when online.
    const endLeftover = () => void endLeftoverSession(accountApi).catch(() => undefined);
    const services: AppServices = {
      db,
      repositories,
      engine: null,
      lock,
      start() {
        if (closedForGood) return;
        stopped = false;
        runningAppServices.add(services);
        setStatus({ kind: 'local-only' });
        if (typeof window === 'undefined') return;
        window.addEventListener('online', endLeftover);
        endLeftover();
      },
      // The search index follows this database while it is open; stopping lets it save and let go.
      stop() {
        stopped = true;
        runningAppServices.remove(services);
        if (typeof window !== 'undefined') window.removeEventListener('online', endLeftover);
        void repositories.search.close();
      },
      closeForNow,
      async shutDown() {
        services.stop();
        closedForGood = true;
        await repositories.search.close();
        db.close();
      },
    };
    return services;
  }

  const api = createSyncApi({ csrfToken: () => useAccountStore.getState().csrfToken });
  const engine = createSyncEngine({
    db,
    api,
    onStatus: report,
    onSignedOut: () => {
      if (!stopped) useAccountStore.getState().sessionLost();
    },
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

  const services: AppServices = {
    db,
    repositories,
    engine,
    lock,
    start() {
      if (closedForGood) return;
      stopped = false;
      runningAppServices.add(services);
      void db.meta.put({ key: 'owner', value: account.userId }).catch(() => undefined);
      engine.start();
      if (typeof EventSource !== 'undefined') {
        events = new EventSource('/api/sync/events');
        events.addEventListener('change', () => engine.requestSync());
        // After a reconnect (network back, server restarted) catch up on what was missed.
        events.addEventListener('open', () => engine.requestSync());
      }
    },
    stop() {
      stopped = true;
      runningAppServices.remove(services);
      events?.close();
      events = null;
      engine.stop();
      void repositories.search.close();
    },
    closeForNow,
    async shutDown() {
      services.stop();
      closedForGood = true;
      let waited: ReturnType<typeof setTimeout> | undefined;
      const enough = new Promise<void>((resolve) => {
        waited = setTimeout(resolve, ROUND_WAIT_MS);
      });
      await Promise.race([engine.idle(), enough]);
      clearTimeout(waited);
      await repositories.search.close();
      db.close();
    },
  };
  return services;
}
