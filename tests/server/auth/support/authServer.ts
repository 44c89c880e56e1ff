// A real server (createServer, which registers auth) over a real SQLite store in a temp directory,
// for the auth tests. Nothing is mocked: cookies, hooks and the database all run for real.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createAccount } from '../../../../src/server/auth/accounts';
import { createServer } from '../../../../src/server/createServer';
import type { Role, Store, User } from '../../../../src/server/storage/Store';
import { makeTempSite } from '../../support/tempSite';
import { openTestStore } from './testStore';

export const PASSWORD = 'a sensible passphrase';

export type AuthServer = {
  app: FastifyInstance;
  store: Store;
  addUser: (email: string, roles?: Role[]) => Promise<User>;
  close: () => Promise<void>;
};

/** `extraRoutes` may add test-only routes before the server is ready. */
export async function makeAuthServer(extraRoutes?: (app: FastifyInstance) => void): Promise<AuthServer> {
  const site = makeTempSite();
  const store = await openTestStore(site.dataDir);
  const app = await createServer({ ...site, store, logLevel: 'silent' });
  extraRoutes?.(app);
  await app.ready();
  return {
    app,
    store,
    addUser: (email, roles = ['participant']) =>
      createAccount(store, { email, displayName: 'Priya Shah', roles, password: PASSWORD }),
    close: async () => {
      await app.close();
      await store.close();
      site.cleanup();
    },
  };
}

export type SignedInClient = { cookie: string; token: string; csrfToken: string };

/** The session cookie's value from a response; fails the test when there is none. */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'setwise_session');
  if (!cookie) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return cookie.value;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  remoteAddress = '198.51.100.7',
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
}

/** Signs in and returns what a browser would hold afterwards. */
export async function signedIn(app: FastifyInstance, email: string): Promise<SignedInClient> {
  const res = await signIn(app, email);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const token = sessionCookieOf(res);
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return { token, cookie: `setwise_session=${token}`, csrfToken };
}
