// One onRequest hook guards every real /api route before its body is even read:
// 1. State-changing requests (POST/PUT/PATCH/DELETE) whose Origin header names another site are
//    refused. Browsers send Origin on cross-site requests, so this stops forged requests early.
// 2. The session cookie is looked up and `request.user` set (null when none or expired).
// 3. State-changing requests must also carry `x-setwise-csrf` equal to the session's CSRF token
//    (unless the route sets config.skipCsrf: sign-in and setup, which run before any session).
//    Another site cannot read that token, so it cannot forge the header. With no session at all
//    the answer is 401: every state-changing API route except those two needs a signed-in person.
// Unknown /api paths are left alone so they still get the plain JSON 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Session, Store } from '../storage/Store';
import { CSRF_REFUSED, ORIGIN_REFUSED, UNAUTHENTICATED } from './authErrors';
import { sessionTokenFrom } from './sessionCookie';
import { findSignedIn } from './sessions';
import { tokensEqual } from './tokens';

export const CSRF_HEADER = 'x-setwise-csrf';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sessions = new WeakMap<FastifyRequest, Session>();

/** The live session behind `request.user`, for routes that need its id or CSRF token. */
export function currentSession(request: FastifyRequest): Session | undefined {
  return sessions.get(request);
}

/**
 * Whether the Origin header, if any, names this server. Hosts are compared after parsing both
 * with the origin's scheme, so default ports ("example.org" vs "example.org:443") agree.
 * `Origin: null` (sandboxed frames, some redirects) never matches.
 */
function originMatches(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const from = new URL(origin);
    return from.host === new URL(`${from.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

function refuse(reply: FastifyReply, status: number, body: object): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

export function addRequestGuards(app: FastifyInstance, store: Store): void {
  app.decorateRequest('user', null);

  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/')) return;

    const changesState = STATE_CHANGING.has(request.method);
    if (changesState && !originMatches(request)) return refuse(reply, 403, ORIGIN_REFUSED);

    const token = sessionTokenFrom(request);
    const signedIn = token ? await findSignedIn(store, token) : undefined;
    if (signedIn) {
      request.user = signedIn.user;
      sessions.set(request, signedIn.session);
    }

    if (!changesState || request.routeOptions.config.skipCsrf) return;
    if (!signedIn) return refuse(reply, 401, UNAUTHENTICATED);
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !tokensEqual(given, signedIn.session.csrfToken)) {
      return refuse(reply, 403, CSRF_REFUSED);
    }
  });
}
