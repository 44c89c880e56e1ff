import type { SetwiseDatabase } from '../SetwiseDatabase';
import { createDataKey, unwrapDataKey, WrongPasscodeError, wrapDataKey } from './passcodeKeys';
import { passcodeLockSettingsSchema, waitSecondsAfter, type PasscodeLockSettings } from './passcodeLockSettings';
import { resealAllRows } from './resealAllRows';
import { PASSCODE_LOCK_META_KEY } from './sealingPlan';

export const MIN_PASSCODE_LENGTH = 6;

export type UnlockResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'wrong' | 'wait'; readonly failedAttempts: number; readonly retryAfter: string | null };

export class PasscodeTooShortError extends Error {
  constructor() {
    super(`A passcode needs at least ${MIN_PASSCODE_LENGTH} characters.`);
  }
}

/**
 * The passcode lock of one device database (docs/decisions/016): setting, changing and
 * removing the passcode, unlocking with it, and locking. The UI reaches it through the lock
 * store (src/app/lock), never Dexie.
 */
export function createPasscodeLockRepository(db: SetwiseDatabase, options: { iterations?: number } = {}) {
  const readSettings = async (): Promise<PasscodeLockSettings | null> => {
    const row = await db.meta.get(PASSCODE_LOCK_META_KEY);
    if (!row) return null;
    const parsed = passcodeLockSettingsSchema.safeParse(row.value);
    // Unreadable settings still mean a passcode was set: stay locked rather than open up.
    if (!parsed.success) throw new Error('The passcode settings on this device cannot be read.');
    return parsed.data;
  };
  const writeSettings = (settings: PasscodeLockSettings) => db.meta.put({ key: PASSCODE_LOCK_META_KEY, value: settings });
  const requireSettings = async () => {
    const settings = await readSettings();
    if (!settings) throw new Error('No passcode is set on this device.');
    return settings;
  };

  /** Unwraps the key with `passcode`, counting a wrong one towards the growing delay. */
  const tryPasscode = async (settings: PasscodeLockSettings, passcode: string, now: Date) => {
    if (settings.retryAfter && Date.parse(settings.retryAfter) > now.getTime()) {
      return { ok: false, reason: 'wait', failedAttempts: settings.failedAttempts, retryAfter: settings.retryAfter } as const;
    }
    try {
      const unwrapped = await unwrapDataKey(settings, passcode);
      if (settings.failedAttempts > 0 || settings.retryAfter) await writeSettings({ ...settings, failedAttempts: 0, retryAfter: null });
      return { ok: true, ...unwrapped } as const;
    } catch (error) {
      if (!(error instanceof WrongPasscodeError)) throw error;
      const failedAttempts = settings.failedAttempts + 1;
      const wait = waitSecondsAfter(failedAttempts);
      const retryAfter = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
      await writeSettings({ ...settings, failedAttempts, retryAfter });
      return { ok: false, reason: 'wrong', failedAttempts, retryAfter } as const;
    }
  };

  const finishPending = async (settings: PasscodeLockSettings) => {
    if (settings.removing) {
      await resealAllRows(db);
      await db.meta.delete(PASSCODE_LOCK_META_KEY);
      db.keyring.setOff();
    } else if (!settings.sealedAll) {
      await resealAllRows(db);
      await writeSettings({ ...(await requireSettings()), sealedAll: true });
    }
  };

  return {
    readSettings,

    /** Reads the settings when the database opens and sets the keyring: off or locked. */
    async initialise(): Promise<'off' | 'locked'> {
      const settings = await readSettings();
      if (settings) db.keyring.setLocked();
      else db.keyring.setOff();
      return settings ? 'locked' : 'off';
    },

    async setPasscode(passcode: string, idleMinutes: number, now = new Date()): Promise<void> {
      if (passcode.length < MIN_PASSCODE_LENGTH) throw new PasscodeTooShortError();
      if (await readSettings()) throw new Error('A passcode is already set: change it instead.');
      const { wrapped, keys } = await createDataKey(passcode, options.iterations);
      const settings = passcodeLockSettingsSchema.parse({ ...wrapped, idleMinutes, setAt: now.toISOString() });
      db.keyring.unlockWith(keys);
      await writeSettings(settings);
      await finishPending(settings);
    },

    async unlock(passcode: string, now = new Date()): Promise<UnlockResult> {
      const settings = await requireSettings();
      const result = await tryPasscode(settings, passcode, now);
      if (!result.ok) return result;
      result.dataKey.fill(0);
      db.keyring.unlockWith(result.keys, settings.removing ? 'unsealing' : 'unlocked');
      await finishPending(settings);
      return { ok: true };
    },

    async changePasscode(current: string, next: string, now = new Date()): Promise<UnlockResult> {
      if (next.length < MIN_PASSCODE_LENGTH) throw new PasscodeTooShortError();
      const settings = await requireSettings();
      const result = await tryPasscode(settings, current, now);
      if (!result.ok) return result;
      try {
        const wrapped = await wrapDataKey(result.dataKey, next, options.iterations);
        await writeSettings({ ...(await requireSettings()), ...wrapped, setAt: now.toISOString() });
      } finally {
        result.dataKey.fill(0);
      }
      return { ok: true };
    },

    /** Removes the passcode: every row is rewritten in clear, then the settings go. */
    async removePasscode(current: string, now = new Date()): Promise<UnlockResult> {
      const settings = await requireSettings();
      const result = await tryPasscode(settings, current, now);
      if (!result.ok) return result;
      result.dataKey.fill(0);
      db.keyring.unlockWith(result.keys, 'unsealing');
      const removing = { ...(await requireSettings()), removing: true };
      await writeSettings(removing);
      await finishPending(removing);
      return { ok: true };
    },

    async setIdleMinutes(idleMinutes: number): Promise<void> {
      await writeSettings({ ...(await requireSettings()), idleMinutes });
    },

    /** Forgets the key: sealed rows cannot be read again until the passcode is entered. */
    lock(): void {
      if (db.keyring.state !== 'off') db.keyring.setLocked();
    },

    /** Changes not yet synced: countable while locked (the outbox keys are not secret). */
    pendingChangeCount(): Promise<number> {
      return db.outbox.count();
    },
  };
}
export type PasscodeLockRepository = ReturnType<typeof createPasscodeLockRepository>;
