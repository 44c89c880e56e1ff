// Accounts and sessions for the API. Call once on the root instance, before app.ready():
//   await registerAuth(app, store);
// Its hooks guard every /api route of the app (Fastify applies root hooks to all routes), and
// routes then use `{ preHandler: requireUser }` and currentUser(request).
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../storage/Store';
import { prepareDummyHash } from './password';
import { addRequestGuards } from './requestGuards';
import { registerSetupRoutes } from './setupRoutes';
import { registerSignInRoutes } from './signInRoutes';

export async function registerAuth(app: FastifyInstance, store: Store): Promise<void> {
  // Unsigned cookies: the session token is itself the secret, checked against the store.
  await app.register(cookie);
  addRequestGuards(app, store);
  registerSignInRoutes(app, store);
  registerSetupRoutes(app, store);
  await prepareDummyHash();
}
