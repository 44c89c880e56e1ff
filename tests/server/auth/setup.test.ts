// First-run setup: only while no users exist, and it signs the first coordinator in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/server/auth/password';
import { makeAuthServer, sessionCookieOf, type AuthServer } from './support/authServer';

let server: AuthServer;

beforeEach(async () => {
  server = await makeAuthServer();
});
afterEach(async () => server.close());

const FIRST = { email: 'Head@Oakfield.sch.uk', password: 'first coordinator pass', displayName: '  Priya Shah ' };

async function needed(): Promise<boolean> {
  const res = await server.app.inject({ method: 'GET', url: '/api/setup' });
  expect(res.statusCode).toBe(200);
  return res.json<{ needed: boolean }>().needed;
}

describe('first-run setup', () => {
  it('creates the first coordinator, signs them in and then closes', async () => {
    expect(await needed()).toBe(true);

    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: FIRST });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      user: { id: expect.any(String), email: 'head@oakfield.sch.uk', displayName: 'Priya Shah', roles: ['coordinator', 'participant'] },
      csrfToken: expect.any(String),
    });
    const stored = await server.store.findUserByEmail('head@oakfield.sch.uk');
    expect(await verifyPassword(FIRST.password, stored?.passwordHash ?? '')).toBe(true);

    const cookie = `setwise_session=${sessionCookieOf(res)}`;
    const session = await server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(session.json()).toEqual(body);

    expect(await needed()).toBe(false);
  });

  it('refuses a second setup with 409, whoever asks', async () => {
    expect((await server.app.inject({ method: 'POST', url: '/api/setup', payload: FIRST })).statusCode).toBe(201);
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...FIRST, email: 'intruder@example.org' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: 'Setwise is already set up. Sign in, or ask your coordinator for an account.',
      code: 'setup-done',
    });
    expect(again.cookies).toHaveLength(0);
    expect(await server.store.countUsers()).toBe(1);
  });

  it('creates only one coordinator when two setups arrive at once', async () => {
    const results = await Promise.all(
      ['a@oakfield.sch.uk', 'b@oakfield.sch.uk', 'c@oakfield.sch.uk'].map((email) =>
        server.app.inject({ method: 'POST', url: '/api/setup', payload: { ...FIRST, email } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await server.store.countUsers()).toBe(1);
  });

  it('is closed once any user exists, even one made from the command line', async () => {
    await server.addUser('sam@oakfield.sch.uk');
    expect(await needed()).toBe(false);
    expect((await server.app.inject({ method: 'POST', url: '/api/setup', payload: FIRST })).statusCode).toBe(409);
  });

  it('asks for a password of at least 10 characters', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload: { ...FIRST, password: 'short1234' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Use a password of at least 10 characters.', code: 'invalid-request' });
    expect(await needed()).toBe(true);
  });
});
