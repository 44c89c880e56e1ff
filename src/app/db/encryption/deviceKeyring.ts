/**
 * Holds the device's data key while the app is unlocked (docs/decisions/016).
 *
 * - `off`: no passcode on this device; rows are stored as they are.
 * - `checking`: the database has just been opened and the lock settings are not read yet.
 *   Nothing may be sealed or opened: a write now would otherwise land in clear text.
 * - `locked`: a passcode is set and the key is not in memory. Sealed rows cannot be read and
 *   no row may be written (except the lock settings themselves).
 * - `unlocked`: the key is in memory; every row written is sealed, every sealed row opened.
 * - `unsealing`: the passcode is being removed: sealed rows are still opened, new writes go in
 *   clear, so rewriting every row removes the encryption.
 *
 * Invariant: the key bytes exist only in this object's memory, never in storage or a log.
 */
export type KeyringState = 'off' | 'checking' | 'locked' | 'unlocked' | 'unsealing';

export interface DataKeys {
  /** AES-256-GCM key for row contents. */
  readonly sealKey: Uint8Array;
  /** Key for the blind index of private index values (tags), derived from the data key. */
  readonly blindKey: Uint8Array;
}

export interface DeviceKeyring {
  readonly state: KeyringState;
  readonly keys: DataKeys | null;
  /** Whether new writes must be sealed. */
  readonly sealsWrites: boolean;
  setOff(): void;
  setLocked(): void;
  unlockWith(keys: DataKeys, mode?: 'unlocked' | 'unsealing'): void;
}

export function createDeviceKeyring(initial: 'off' | 'checking' = 'off'): DeviceKeyring {
  let state: KeyringState = initial;
  let keys: DataKeys | null = null;
  const forget = () => {
    // Overwrite the bytes: a reference kept elsewhere by mistake then holds zeros, not the key.
    keys?.sealKey.fill(0);
    keys?.blindKey.fill(0);
    keys = null;
  };
  return {
    get state() {
      return state;
    },
    get keys() {
      return keys;
    },
    get sealsWrites() {
      return state !== 'off' && state !== 'unsealing';
    },
    setOff() {
      forget();
      state = 'off';
    },
    setLocked() {
      forget();
      state = 'locked';
    },
    unlockWith(next, mode = 'unlocked') {
      if (keys && keys !== next) forget();
      keys = next;
      state = mode;
    },
  };
}

export class DeviceLockedError extends Error {
  constructor(message = 'Setwise is locked on this device: unlock it with your passcode first.') {
    super(message);
    this.name = 'DeviceLockedError';
  }
}
