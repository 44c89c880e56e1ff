import { liveQuery } from 'dexie';
import { getDeviceId } from '../db/deviceClock';
import { LAST_SYNCED_KEY } from '../db/repositories/deviceRepository';
import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import type { SyncStatus } from '../state/syncStatusStore';
import { retryDelayMs } from './retryDelay';
import { SyncHttpError } from './SyncHttpError';
import type { SyncApi } from './createSyncApi';
import { syncOnce } from './syncOnce';


export interface SyncEngineOptions {
  readonly db: SetwiseDatabase;
  readonly api: SyncApi;
  readonly onStatus: (status: SyncStatus) => void;
  /** Called when the server says the session is gone: the app asks the person to sign in. */
  readonly onSignedOut?: () => void;
  readonly random?: () => number;
  readonly periodMs?: number;
  readonly afterWriteDelayMs?: number;
  /** Web Locks, so only one tab of this account syncs at a time (all tabs see the results in IndexedDB). */
  readonly locks?: LockManager;
  /** Runs before each round, e.g. to fetch a CSRF token; may throw a SyncHttpError. */
  readonly prepare?: () => Promise<void>;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** Sync as soon as possible; calls made while a round runs cause exactly one more round. */
  requestSync(): void;
  /** Resolves when no round is running or scheduled to start at once. */
  idle(): Promise<void>;
}

/**
 * Opportunistic sync: on start, when the browser comes online, when the app becomes visible,
 * shortly after local writes, and every few minutes while online. Failures back off
 * exponentially with jitter. Sync never blocks typing: it runs beside the UI, and every local
 * write is already safe in IndexedDB.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, api, onStatus } = options;
  const random = options.random ?? Math.random;
  const periodMs = options.periodMs ?? 5 * 60_000;
  const afterWriteDelayMs = options.afterWriteDelayMs ?? 1000;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let stopped = true;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  let periodTimer: ReturnType<typeof setInterval> | undefined;
  let outboxSubscription: { unsubscribe(): void } | undefined;

  const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

  async function round(): Promise<void> {
    if (!online()) {
      onStatus({ kind: 'offline' });
      return;
    }
    onStatus({ kind: 'syncing' });
    try {
      await options.prepare?.();
      await syncOnce(db, api, await getDeviceId(db));
      failures = 0;
      const at = new Date().toISOString();
      await db.meta.put({ key: LAST_SYNCED_KEY, value: at });
      onStatus({ kind: 'synced', at });
    } catch (error) {
      if (error instanceof SyncHttpError && error.failure === 'unauthenticated') {
        onStatus({ kind: 'sign-in-needed' });
        options.onSignedOut?.();
        return;
      }
      if (error instanceof SyncHttpError && error.failure === 'offline') {
        onStatus({ kind: 'offline' });
      }
      failures += 1;
      const delay = retryDelayMs(failures, random);
      const message = error instanceof Error ? error.message : 'Sync failed.';
      if (!(error instanceof SyncHttpError && error.failure === 'offline')) {
        onStatus({ kind: 'retrying', message, nextAttemptAt: new Date(Date.now() + delay).toISOString() });
      }
      clearTimeout(retryTimer);
      if (!stopped) retryTimer = setTimeout(() => requestSync(), delay);
    }
  }

  /** Rounds of all tabs of this account run one after another, never at once. */
  async function roundWithLock(): Promise<void> {
    if (!options.locks) return round();
    await options.locks.request(`setwise-sync:${db.name}`, () => round());
  }

  function requestSync(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await roundWithLock();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  }

  const onOnline = () => requestSync();
  const onOffline = () => onStatus({ kind: 'offline' });
  const onVisible = () => {
    if (document.visibilityState === 'visible') requestSync();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // Outside a browser (tests, tools) there are no such events; timers and writes still trigger.
      if (typeof window !== 'undefined') {
        window.addEventListener('online', onOnline);
        window.addEventListener('offline', onOffline);
      }
      if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
      periodTimer = setInterval(() => requestSync(), periodMs);
      // Every local write (in any tab) moves the device clock: sync shortly after it.
      let first = true;
      outboxSubscription = liveQuery(() => db.meta.get('lastHlc')).subscribe({
        next: () => {
          if (first) {
            first = false;
            return;
          }
          clearTimeout(writeTimer);
          writeTimer = setTimeout(() => requestSync(), afterWriteDelayMs);
        },
      });
      requestSync();
    },
    stop() {
      stopped = true;
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
      clearInterval(periodTimer);
      clearTimeout(retryTimer);
      clearTimeout(writeTimer);
      outboxSubscription?.unsubscribe();
    },
    requestSync,
    async idle() {
      while (running) await running;
    },
  };
}
