// POST /api/auth/sign-in, POST /api/auth/sign-out and GET /api/session.
import type { FastifyInstance } from 'fastify';
import type { Store } from '../storage/Store';
import { BAD_CREDENTIALS, TOO_MANY_ATTEMPTS, UNAUTHENTICATED } from './authErrors';
import { toAuthUser, type AuthUser } from './authTypes';
import { AUTH_BODY_LIMIT_BYTES, parseBody, SignInBody } from './bodies';
import { clearAccountAttempts, recordSignInAttempt, RETRY_AFTER_SECONDS } from './loginRateLimit';
import { verifyDummyPassword, verifyPassword } from './password';
import { currentSession } from './requestGuards';
import { clearSessionCookie, sessionTokenFrom, setSessionCookie } from './sessionCookie';
import { endSession, startSession } from './sessions';

/** What sign-in, setup and GET /api/session answer: who is signed in, and the CSRF token. */
export type SessionBody = { user: AuthUser; csrfToken: string };

export function registerSignInRoutes(app: FastifyInstance, store: Store): void {
  app.post(
    '/api/auth/sign-in',
    { bodyLimit: AUTH_BODY_LIMIT_BYTES, config: { skipCsrf: true } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const body = parseBody(SignInBody, request, reply);
      if (!body) return reply;

      if (!(await recordSignInAttempt(store, body.email, request.ip))) {
        return reply.code(429).header('retry-after', String(RETRY_AFTER_SECONDS)).send(TOO_MANY_ATTEMPTS);
      }

      const user = await store.findUserByEmail(body.email);
      // Unknown emails cost the same scrypt work and get the same answer as a wrong password.
      const matches = user
        ? await verifyPassword(body.password, user.passwordHash)
        : await verifyDummyPassword(body.password);
      if (!user || !matches) return reply.code(401).send(BAD_CREDENTIALS);

      await clearAccountAttempts(store, body.email);
      // Always a fresh token, never the one the browser came with (no session fixation).
      const previous = sessionTokenFrom(request);
      if (previous) await endSession(store, previous);
      const { token, csrfToken } = await startSession(store, user.id);
      setSessionCookie(request, reply, token);
      const answer: SessionBody = { user: toAuthUser(user), csrfToken };
      return reply.send(answer);
    },
  );

  // Reaching the handler means requestGuards found a live session and a matching CSRF header.
  app.post('/api/auth/sign-out', { bodyLimit: AUTH_BODY_LIMIT_BYTES }, async (request, reply) => {
    const token = sessionTokenFrom(request);
    if (token) await endSession(store, token);
    clearSessionCookie(request, reply);
    return reply.header('cache-control', 'no-store').code(204).send();
  });

  app.get('/api/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const session = currentSession(request);
    if (!request.user || !session) return reply.code(401).send(UNAUTHENTICATED);
    const answer: SessionBody = { user: request.user, csrfToken: session.csrfToken };
    return reply.send(answer);
  });
}
