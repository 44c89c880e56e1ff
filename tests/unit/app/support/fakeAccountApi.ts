import { AccountError, type AccountApi, type SessionInfo } from '../../../../src/app/account/accountApi';

/** The server's own words (src/server/auth/authErrors.ts), so the tests check what people see. */
export const BAD_CREDENTIALS = 'That email and password do not match.';
export const TOO_MANY_ATTEMPTS = 'Too many sign-in attempts. Try again in 15 minutes.';
const OFFLINE = 'No connection to the Setwise server. Your writing stays on this device; try again when you are online.';

interface FakeUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
}

export const PRIYA: FakeUser = { id: 'user-priya', email: 'priya@oakfield.example', displayName: 'Priya Shah', password: 'a sensible passphrase' };

export interface FakeAccountApi extends AccountApi {
  /** No connection: every call fails as the real client does offline. */
  offline: boolean;
  /** The next sign-in answers 429, as the server does past its attempt limit. */
  rateLimited: boolean;
  readonly signOuts: string[];
  readonly users: FakeUser[];
  /** The server forgets the session (it expired): the next check answers "no session". */
  expireSession(): void;
}

/**
 * An in-memory Setwise server for the account screens: accounts, sessions and first-run setup,
 * answering with the same statuses and messages as the real routes. Test-only.
 */
export function createFakeAccountApi(options: { users?: FakeUser[] } = {}): FakeAccountApi {
  const users = [...(options.users ?? [PRIYA])];
  let current: SessionInfo | null = null;
  let made = 0;

  const sessionFor = (user: FakeUser): SessionInfo => {
    made += 1;
    return {
      user: { id: user.id, email: user.email, displayName: user.displayName, roles: ['participant'] },
      csrfToken: `csrf-${made}`,
    };
  };

  const api: FakeAccountApi = {
    offline: false,
    rateLimited: false,
    signOuts: [],
    users,
    expireSession() {
      current = null;
    },
    async session() {
      reachable();
      return current;
    },
    async signIn(email, password) {
      reachable();
      if (api.rateLimited) throw new AccountError(TOO_MANY_ATTEMPTS, 429);
      const user = users.find((candidate) => candidate.email === email.trim().toLowerCase());
      if (!user || user.password !== password) throw new AccountError(BAD_CREDENTIALS, 401);
      current = sessionFor(user);
      return current;
    },
    async signOut(csrfToken) {
      reachable();
      api.signOuts.push(csrfToken);
      current = null;
    },
    async setupNeeded() {
      reachable();
      return users.length === 0;
    },
    async setup(details) {
      reachable();
      if (users.length > 0) throw new AccountError('Setwise is already set up. Sign in, or ask your coordinator for an account.', 409);
      const user = { id: 'user-first', email: details.email, displayName: details.displayName, password: details.password };
      users.push(user);
      current = sessionFor(user);
      return current;
    },
  };

  function reachable(): void {
    if (api.offline) throw new AccountError(OFFLINE, null);
  }

  return api;
}
