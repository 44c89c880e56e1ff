// Creating, finding and ending sessions in the store. Only SHA-256 of the token is stored.
import type { Session, Store } from '../storage/Store';
import { toAuthUser, type AuthUser } from './authTypes';
import { SESSION_MAX_AGE_SECONDS } from './sessionCookie';
import { hashToken, randomToken } from './tokens';

export type SignedIn = { user: AuthUser; session: Session };

/** Starts a session; returns the cookie token (shown to nobody else) and the CSRF token. */
export async function startSession(
  store: Store,
  userId: string,
  now = new Date(),
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  await store.createSession({
    idHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString(),
  });
  return { token, csrfToken };
}

/** The live session and user for a cookie token; undefined when unknown, expired or orphaned. */
export async function findSignedIn(store: Store, token: string, now = new Date()): Promise<SignedIn | undefined> {
  const idHash = hashToken(token);
  const session = await store.findSession(idHash);
  if (!session) return undefined;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    // Tidy up as we go: an expired session can never be used again.
    await store.deleteSession(idHash);
    return undefined;
  }
  const user = await store.findUserById(session.userId);
  return user ? { user: toAuthUser(user), session } : undefined;
}

export async function endSession(store: Store, token: string): Promise<void> {
  await store.deleteSession(hashToken(token));
}
