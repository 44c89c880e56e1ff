// Password hashing with Node's built-in scrypt, so no native dependency is needed.
// Stored as `scrypt$N$r$p$salt$hash` (salt and hash in base64) so the cost can be raised later:
// verify reads the parameters from each stored hash, and old hashes keep working.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^15, r=8, p=1: OWASP's scrypt baseline; about 50–100 ms per hash on a small server. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** scrypt needs 128·N·r bytes (32 MiB here), which is exactly Node's default cap, so raise it. */
const MAX_MEMORY = 128 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase; stops someone making the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 1000;
export const PASSWORD_RULE = `Use a password of at least ${PASSWORD_MIN_LENGTH} characters.`;

function deriveKey(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

type ParsedHash = { N: number; r: number; p: number; salt: Buffer; key: Buffer };

/** Reads a stored hash; undefined when it is malformed or asks for absurd (memory-hungry) costs. */
function parseHash(encoded: string): ParsedHash | undefined {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 17 || !Number.isInteger(r) || r < 1 || r > 16) return undefined;
  if (!Number.isInteger(p) || p < 1 || p > 4 || salt.length < 8 || key.length < 32) return undefined;
  return { N, r, p, salt, key };
}

/** Constant-time check of `password` against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const { N, r, p, salt, key } = parsed;
  const candidate = await deriveKey(password, salt, key.length, { N, r, p });
  return timingSafeEqual(candidate, key);
}

let dummyHash: Promise<string> | undefined;

/** Makes the dummy hash ahead of time, so even the first unknown email costs no extra hash. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  return dummyHash;
}

/**
 * Spends the same time as a real check when the email is unknown, so response times do not
 * reveal which emails have accounts.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  await verifyPassword(password, await prepareDummyHash());
  return false;
}

/** A strong password for people created from the command line (144 random bits, 24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
