// The session cookie. Its attributes are the main defence for the session token:
// - httpOnly: page scripts (and so any injected script) cannot read it.
// - SameSite=Strict: browsers never send it on requests started by another site.
// - Secure over https, so it never travels in clear text once the site has TLS. Plain http is
//   still allowed so that a trial on a school's local network works before TLS is set up.
// - 90 days: Setwise is offline-first. People write on a tablet for weeks without signing in
//   again, and sync should just resume when they are back online; a short session would
//   strand their changes behind a sign-in screen. The token is random and stored only as a
//   hash, and sign-out deletes it on the server, which keeps the long life acceptable.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'setwise_session';
export const SESSION_MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.protocol === 'https',
  } as const;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // @fastify/cookie's maxAge is in seconds (it becomes the Max-Age attribute).
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: SESSION_MAX_AGE_SECONDS });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

export function sessionTokenFrom(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  // A real token is 43 characters; ignore anything else rather than hashing junk.
  return token && token.length <= 128 ? token : undefined;
}
