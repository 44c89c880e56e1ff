// CSRF and Origin checks on state-changing API requests, and requireUser for routes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUser, requireUser } from '../../../src/server/auth';
import { hashToken } from '../../../src/server/auth/tokens';
import { makeAuthServer, PASSWORD, signedIn, type AuthServer, type SignedInClient } from './support/authServer';

let server: AuthServer;
let client: SignedInClient;
/** What the test-only write routes have been asked to do. */
const writes: string[] = [];

function testRoutes(app: FastifyInstance): void {
  app.get('/api/test/me', { preHandler: requireUser }, async (request) => ({ id: currentUser(request).id }));
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/test/write',
      preHandler: requireUser,
      handler: async (request) => {
        writes.push(`${method} by ${currentUser(request).email}`);
        return { ok: true };
      },
    });
  }
}

beforeAll(async () => {
  server = await makeAuthServer(testRoutes);
  await server.addUser('priya@oakfield.sch.uk');
  client = await signedIn(server.app, 'priya@oakfield.sch.uk');
});
afterAll(async () => server.close());

const CSRF = { error: 'This request could not be checked. Reload Setwise and try again.', code: 'csrf' };
const ORIGIN = { error: 'This request came from another website, so it was refused.', code: 'origin' };

describe('CSRF token', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s with the right header is allowed', async (method) => {
    const res = await server.app.inject({
      method,
      url: '/api/test/write',
      headers: { cookie: client.cookie, 'x-setwise-csrf': client.csrfToken },
    });
    expect(res.statusCode).toBe(200);
    expect(writes).toContain(`${method} by priya@oakfield.sch.uk`);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s without the header is refused and changes nothing', async (method) => {
    const before = writes.length;
    const res = await server.app.inject({ method, url: '/api/test/write', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(CSRF);
    expect(writes).toHaveLength(before);
  });

  it('refuses a wrong token', async () => {
    // Change the last character to a different one (a fixed 'A' matched 1 token in 64).
    const last = client.csrfToken.slice(-1) === 'A' ? 'B' : 'A';
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/test/write',
      headers: { cookie: client.cookie, 'x-setwise-csrf': `${client.csrfToken.slice(0, -1)}${last}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(CSRF);
  });

  it('refuses sign-out without the header, and the session lives on', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(CSRF);
    expect(await server.store.findSession(hashToken(client.token))).toBeDefined();
    const session = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: client.cookie } });
    expect(session.statusCode).toBe(200);
  });

  it('answers 401 to a state-changing request with no session at all', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/test/write', headers: { 'x-setwise-csrf': 'anything' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Sign in to sync.', code: 'unauthenticated' });
  });

  it('leaves unknown API paths as plain 404s', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/nope', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(404);
  });
});

describe('Origin', () => {
  const withCsrf = () => ({ cookie: client.cookie, 'x-setwise-csrf': client.csrfToken });

  it.each(['https://evil.example', 'null', 'http://localhost:8080', 'not a url'])(
    'refuses a write from Origin %s even with a valid CSRF token',
    async (origin) => {
      const before = writes.length;
      const res = await server.app.inject({ method: 'POST', url: '/api/test/write', headers: { ...withCsrf(), origin } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(ORIGIN);
      expect(writes).toHaveLength(before);
    },
  );

  it('applies to sign-in and setup too', async () => {
    const headers = { origin: 'https://evil.example' };
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers,
      payload: { email: 'priya@oakfield.sch.uk', password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.cookies).toHaveLength(0);
    const setup = await server.app.inject({ method: 'POST', url: '/api/setup', headers, payload: {} });
    expect(setup.statusCode).toBe(403);
  });

  it.each(['http://localhost', 'http://localhost:80'])('allows this server’s own origin (%s)', async (origin) => {
    // inject sends Host: localhost:80.
    const res = await server.app.inject({ method: 'POST', url: '/api/test/write', headers: { ...withCsrf(), origin } });
    expect(res.statusCode).toBe(200);
  });

  it('does not apply to reads', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: client.cookie, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('requireUser', () => {
  it('lets a signed-in person through and names them', async () => {
    const user = await server.store.findUserByEmail('priya@oakfield.sch.uk');
    const res = await server.app.inject({ method: 'GET', url: '/api/test/me', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: user?.id });
  });

  it('answers 401 JSON without a session', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/test/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: 'Sign in to sync.', code: 'unauthenticated' });
  });
});
