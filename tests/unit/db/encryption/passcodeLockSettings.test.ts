import { describe, expect, it } from 'vitest';
import { passcodeLockSettingsSchema, waitSecondsAfter } from '../../../../src/app/db/encryption/passcodeLockSettings';

describe('the passcode lock settings', () => {
  it('still reads settings written by the first version, filling in what was added since', () => {
    // As the first release stored them (before idle time, failures and resumable sealing).
    const legacy = { kdf: 'PBKDF2-SHA-256', iterations: 600000, salt: new Uint8Array(16), iv: new Uint8Array(12), wrappedKey: new Uint8Array(48), futureField: 'kept' };
    expect(passcodeLockSettingsSchema.parse(legacy)).toEqual({
      ...legacy,
      version: 1,
      idleMinutes: 5,
      failedAttempts: 0,
      retryAfter: null,
      sealedAll: false,
      removing: false,
      setAt: '',
    });
  });

  it('refuses settings without the wrapped key rather than guessing', () => {
    expect(passcodeLockSettingsSchema.safeParse({ kdf: 'PBKDF2-SHA-256', iterations: 600000 }).success).toBe(false);
  });

  it.each([
    [0, 0],
    [2, 0],
    [3, 5],
    [4, 10],
    [5, 20],
    [8, 160],
    [9, 300],
    [40, 300],
  ])('after %i wrong passcodes waits %i s', (failures, seconds) => {
    expect(waitSecondsAfter(failures)).toBe(seconds);
  });
});
