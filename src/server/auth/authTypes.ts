// What the rest of the server sees of a signed-in person, and the Fastify type additions that
// make `request.user` and the route option `config.skipCsrf` type-check everywhere.
import type { Role, User } from '../storage/Store';

/** A user as routes and the app see them: never the password hash. */
export type AuthUser = {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
};

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: [...user.roles] };
}

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The signed-in person for /api routes, or null. Filled in by registerAuth's onRequest
     * hook from the session cookie; routes that need a person use the requireUser preHandler.
     */
    user: AuthUser | null;
  }
  interface FastifyContextConfig {
    /**
     * Only for routes that run before anyone has a session (sign-in, first-run setup): they
     * cannot carry a CSRF token. The Origin check still applies to them.
     */
    skipCsrf?: boolean;
  }
}
