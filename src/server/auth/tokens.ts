// Random tokens for sessions and CSRF, and the hash the database keeps instead of the token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: unguessable and safe in a cookie or header. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The session id the store keeps: SHA-256 of the cookie's token. A leaked database (or backup)
 * then holds nothing that can be replayed as a cookie. A fast hash is enough because the token
 * is 256 random bits, not a guessable password.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares secrets without leaking, through timing, how much of a guess was right. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
