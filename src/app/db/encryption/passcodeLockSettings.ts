import { z } from 'zod';

/**
 * The passcode lock's settings, kept in clear in the meta table (they must be readable
 * before unlocking). Persisted state as a zod schema with defaults, so settings written by an
 * older version still parse (tests/unit/db/encryption/passcodeLockSettings.test.ts).
 * Nothing here reveals the passcode or the key: the key is wrapped (AES-GCM) by a key derived
 * from the passcode with PBKDF2.
 */
// Typed loosely on purpose: IndexedDB hands back plain Uint8Arrays over ArrayBuffers.
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "Expected bytes" });

export const IDLE_MINUTE_CHOICES = [1, 2, 5, 10, 15, 30] as const;
export const DEFAULT_IDLE_MINUTES = 5;

export const passcodeLockSettingsSchema = z.looseObject({
  version: z.literal(1).default(1),
  kdf: z.literal('PBKDF2-SHA-256'),
  iterations: z.number().int().positive(),
  salt: bytes,
  iv: bytes,
  wrappedKey: bytes,
  /** Lock after this long without a touch or a key, or this long in the background. */
  idleMinutes: z.number().int().positive().default(DEFAULT_IDLE_MINUTES),
  /** Wrong passcodes since the last right one; drives the growing delay. */
  failedAttempts: z.number().int().nonnegative().default(0),
  /** No attempt is accepted before this moment (ISO), after repeated failures. */
  retryAfter: z.string().nullable().default(null),
  /** Every row has been sealed (setting a passcode rewrites them; it resumes if interrupted). */
  sealedAll: z.boolean().default(false),
  /** The passcode is being removed: rows are being rewritten in clear. */
  removing: z.boolean().default(false),
  setAt: z.string().default(''),
});
export type PasscodeLockSettings = z.infer<typeof passcodeLockSettingsSchema>;

/** Wrong attempts allowed before any waiting, and the longest wait. */
export const FREE_ATTEMPTS = 3;
export const LONGEST_WAIT_SECONDS = 300;

/**
 * The wait before the next attempt after `failedAttempts` wrong ones: none for the first
 * three (typing slips), then 5 s doubling each time, to at most 5 minutes. It slows guessing
 * on the device; guessing a copied database is slowed by PBKDF2 instead.
 */
export function waitSecondsAfter(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, 5 * 2 ** (failedAttempts - FREE_ATTEMPTS));
}
