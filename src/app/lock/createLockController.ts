import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PasscodeLockRepository, UnlockResult } from '../db/encryption/createPasscodeLockRepository';
import { DEFAULT_IDLE_MINUTES } from '../db/encryption/passcodeLockSettings';

/**
 * - checking: the database just opened; the lock settings are being read. Nothing is shown.
 * - off: no passcode on this device.
 * - locked: a passcode is set and has not been entered (or the app locked itself).
 * - unlocked: the passcode was entered; the app and sync run.
 */
export type LockStatus = 'checking' | 'off' | 'locked' | 'unlocked';

export interface LockState {
  readonly status: LockStatus;
  readonly idleMinutes: number;
  readonly failedAttempts: number;
  /** No attempt is accepted before this moment (ISO), after repeated wrong passcodes. */
  readonly retryAfter: string | null;
}

export interface LockController {
  readonly store: StoreApi<LockState>;
  initialise(): Promise<void>;
  unlock(passcode: string): Promise<UnlockResult>;
  lockNow(): void;
  setPasscode(passcode: string, idleMinutes: number): Promise<void>;
  changePasscode(current: string, next: string): Promise<UnlockResult>;
  removePasscode(current: string): Promise<UnlockResult>;
  setIdleMinutes(idleMinutes: number): Promise<void>;
  pendingChangeCount(): Promise<number>;
}

/**
 * The passcode lock as the UI sees it: a small store of what to show, over the lock
 * repository. Locking forgets the key (docs/decisions/016); whoever shows the app listens to
 * `status` to stop sync and hide every screen while it is not open.
 */
export function createLockController(repository: PasscodeLockRepository, onLocked: () => void = () => undefined): LockController {
  const store = createStore<LockState>(() => ({ status: 'checking', idleMinutes: DEFAULT_IDLE_MINUTES, failedAttempts: 0, retryAfter: null }));
  const refresh = async (status?: LockStatus) => {
    const settings = await repository.readSettings();
    store.setState({
      ...(status ? { status } : {}),
      idleMinutes: settings?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
      failedAttempts: settings?.failedAttempts ?? 0,
      retryAfter: settings?.retryAfter ?? null,
    });
  };
  const afterAttempt = async (result: UnlockResult, statusOnSuccess: LockStatus) => {
    if (result.ok) await refresh(statusOnSuccess);
    else store.setState({ failedAttempts: result.failedAttempts, retryAfter: result.retryAfter });
    return result;
  };

  return {
    store,
    async initialise() {
      const status = await repository.initialise();
      await refresh(status);
    },
    async unlock(passcode) {
      return afterAttempt(await repository.unlock(passcode), 'unlocked');
    },
    lockNow() {
      if (store.getState().status !== 'unlocked') return;
      repository.lock();
      store.setState({ status: 'locked' });
      onLocked();
    },
    async setPasscode(passcode, idleMinutes) {
      await repository.setPasscode(passcode, idleMinutes);
      await refresh('unlocked');
    },
    async changePasscode(current, next) {
      return afterAttempt(await repository.changePasscode(current, next), 'unlocked');
    },
    async removePasscode(current) {
      return afterAttempt(await repository.removePasscode(current), 'off');
    },
    async setIdleMinutes(idleMinutes) {
      await repository.setIdleMinutes(idleMinutes);
      await refresh();
    },
    pendingChangeCount: () => repository.pendingChangeCount(),
  };
}
