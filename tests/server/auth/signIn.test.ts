// Signing in, the session cookie, GET /api/session and sign-out, against a real store.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../../../src/server/auth';
import { hashToken } from '../../../src/server/auth/tokens';
import { makeAuthServer, PASSWORD, sessionCookieOf, signedIn, signIn, type AuthServer } from './support/authServer';

let server: AuthServer;

beforeAll(async () => {
  server = await makeAuthServer();
  await server.addUser('priya@oakfield.sch.uk', ['participant', 'facilitator']);
});
afterAll(async () => server.close());

const WRONG = { error: 'That email and password do not match.', code: 'bad-credentials' };

describe('POST /api/auth/sign-in', () => {
  it('signs in: user, CSRF token and an httpOnly, SameSite=Strict cookie for 90 days', async () => {
    const res = await signIn(server.app, 'priya@oakfield.sch.uk');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toEqual({
      user: { id: expect.any(String), email: 'priya@oakfield.sch.uk', displayName: 'Priya Shah', roles: ['participant', 'facilitator'] },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(res.body).not.toContain('scrypt');

    const cookie = res.cookies.find((c) => c.name === 'setwise_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 90 * 24 * 60 * 60 });
    expect(cookie?.secure).toBeUndefined(); // plain http in this test
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only a hash of the session token', async () => {
    const token = sessionCookieOf(await signIn(server.app, 'priya@oakfield.sch.uk'));
    expect(await server.store.findSession(token)).toBeUndefined();
    const session = await server.store.findSession(hashToken(token));
    expect(session?.expiresAt).toBeDefined();
    const lifetime = Date.parse(session?.expiresAt ?? '') - Date.parse(session?.createdAt ?? '');
    expect(lifetime).toBe(90 * 24 * 60 * 60 * 1000);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    expect((await signIn(server.app, '  Priya@Oakfield.SCH.uk ')).statusCode).toBe(200);
  });

  it('refuses a wrong password with one plain message', async () => {
    const res = await signIn(server.app, 'priya@oakfield.sch.uk', 'not the password', '203.0.113.1');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(WRONG);
    expect(res.cookies).toHaveLength(0);
  });

  it('gives an unknown email exactly the same answer', async () => {
    const res = await signIn(server.app, 'nobody@oakfield.sch.uk', PASSWORD, '203.0.113.2');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(WRONG);
  });

  it('replaces any session the browser already had (no session fixation)', async () => {
    const first = await signedIn(server.app, 'priya@oakfield.sch.uk');
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: first.cookie },
      payload: { email: 'priya@oakfield.sch.uk', password: PASSWORD },
    });
    expect(sessionCookieOf(again)).not.toBe(first.token);
    const old = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(401);
  });
});

describe('GET /api/session', () => {
  it('returns the user and CSRF token for a signed-in browser', async () => {
    const client = await signedIn(server.app, 'priya@oakfield.sch.uk');
    const res = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      user: expect.objectContaining({ email: 'priya@oakfield.sch.uk' }),
      csrfToken: client.csrfToken,
    });
  });

  it.each([
    ['no cookie', {}],
    ['an unknown token', { cookie: 'setwise_session=bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtc28tbm8tc2Vzc2lvbg' }],
    ['an absurdly long token', { cookie: `setwise_session=${'x'.repeat(5000)}` }],
  ])('answers 401 unauthenticated with %s', async (_label, headers) => {
    const res = await server.app.inject({ method: 'GET', url: '/api/session', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'Sign in to sync.', code: 'unauthenticated' });
  });

  it('treats an expired session as none, and deletes it', async () => {
    const user = await server.store.findUserByEmail('priya@oakfield.sch.uk');
    const token = 'expired-session-token-for-the-test-0123456789';
    const now = Date.now();
    await server.store.createSession({
      idHash: hashToken(token),
      userId: user?.id ?? '',
      csrfToken: 'csrf-for-expired',
      createdAt: new Date(now - 91 * 86_400_000).toISOString(),
      expiresAt: new Date(now - 1000).toISOString(),
    });
    const res = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `setwise_session=${token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    expect(await server.store.findSession(hashToken(token))).toBeUndefined();
  });
});

describe('POST /api/auth/sign-out', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const client = await signedIn(server.app, 'priya@oakfield.sch.uk');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: client.cookie, 'x-setwise-csrf': client.csrfToken },
    });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'setwise_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect(await server.store.findSession(hashToken(client.token))).toBeUndefined();

    const after = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: client.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('the cookie over https', () => {
  it('is Secure when the request came over https', async () => {
    const { store, addUser, close } = await makeAuthServer();
    // Behind a TLS-terminating proxy Fastify learns the protocol from X-Forwarded-Proto.
    const app = Fastify({ trustProxy: true, logger: false });
    try {
      await registerAuth(app, store);
      await addUser('sam@oakfield.sch.uk');
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'sam@oakfield.sch.uk', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'setwise_session')).toMatchObject({ secure: true, httpOnly: true });
    } finally {
      await app.close();
      await close();
    }
  });
});
