// First-run setup: GET /api/setup says whether it is needed, POST /api/setup creates the first
// coordinator and signs them in. Once any user exists, setup is closed for good (409); later
// accounts come from the admin command line (npm run admin -- create-user ...).
import type { FastifyInstance } from 'fastify';
import { EmailTakenError, type Store } from '../storage/Store';
import { SETUP_DONE } from './authErrors';
import { toAuthUser } from './authTypes';
import { AUTH_BODY_LIMIT_BYTES, parseBody, SetupBody } from './bodies';
import { createAccount } from './accounts';
import { setSessionCookie } from './sessionCookie';
import { startSession } from './sessions';
import type { SessionBody } from './signInRoutes';

export type SetupNeededBody = { needed: boolean };

export function registerSetupRoutes(app: FastifyInstance, store: Store): void {
  // Two setup requests at once in this process must not both see "no users yet". (Across
  // processes a tiny window remains; setup happens once, by one person, on a fresh server.)
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  app.get('/api/setup', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const answer: SetupNeededBody = { needed: (await store.countUsers()) === 0 };
    return answer;
  });

  app.post('/api/setup', { bodyLimit: AUTH_BODY_LIMIT_BYTES, config: { skipCsrf: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const body = parseBody(SetupBody, request, reply);
    if (!body) return reply;

    const user = await oneAtATime(async () => {
      if ((await store.countUsers()) > 0) return undefined;
      return createAccount(store, { ...body, roles: ['coordinator', 'participant'] });
    }).catch((error: unknown) => {
      // Only possible when another server process finished setup a moment before this one.
      if (error instanceof EmailTakenError) return undefined;
      throw error;
    });
    if (!user) return reply.code(409).send(SETUP_DONE);

    const { token, csrfToken } = await startSession(store, user.id);
    setSessionCookie(request, reply, token);
    const answer: SessionBody = { user: toAuthUser(user), csrfToken };
    return reply.code(201).send(answer);
  });
}
