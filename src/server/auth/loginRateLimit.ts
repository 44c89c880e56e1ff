// Sign-in rate limits, kept in the store (not in memory) so they hold across several server
// processes behind one database, and across restarts.
// - Per account: at most 5 failed attempts in 15 minutes. Every attempt is counted up front,
//   before the password is checked, and a successful sign-in clears the account's count, so
//   what remains counted is failures. Unknown emails are counted the same way, so a limit
//   reply reveals nothing about which emails have accounts.
// - Per address: at most 30 attempts (of any outcome) in 15 minutes, against one machine
//   guessing across many accounts.
// Over either limit the password is not checked at all (no free guesses while locked out).
import type { Store } from '../storage/Store';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_ATTEMPT_LIMIT = 5;
export const ADDRESS_ATTEMPT_LIMIT = 30;
export const RETRY_AFTER_SECONDS = LOGIN_WINDOW_MS / 1000;

const accountKey = (email: string): string => `account:${email}`;
const addressKey = (ip: string): string => `address:${ip}`;

/** Counts this attempt for the account and the address; false when either is over its limit. */
export async function recordSignInAttempt(store: Store, email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [forAccount, forAddress] = await Promise.all([
    store.recordLoginAttempt(accountKey(email), now, since),
    store.recordLoginAttempt(addressKey(ip), now, since),
  ]);
  return forAccount <= ACCOUNT_ATTEMPT_LIMIT && forAddress <= ADDRESS_ATTEMPT_LIMIT;
}

/** After a successful sign-in the account starts afresh; the address count stays. */
export async function clearAccountAttempts(store: Store, email: string): Promise<void> {
  await store.clearLoginAttempts(accountKey(email));
}
