// For routes that need a signed-in person. Use as `{ preHandler: requireUser }`, then read the
// person with currentUser(request). Works on any /api route once registerAuth has run.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { UNAUTHENTICATED } from './authErrors';
import type { AuthUser } from './authTypes';

export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  // Returning the reply tells Fastify the answer is sent and the route handler must not run.
  if (!request.user) return reply.code(401).header('cache-control', 'no-store').send(UNAUTHENTICATED);
  return undefined;
}

/** The signed-in person in a route guarded by requireUser (a server bug, so a 500, otherwise). */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new Error(`currentUser used without requireUser on ${request.routeOptions.url}`);
  return request.user;
}
