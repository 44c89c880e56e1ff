// Bad request bodies get a JSON answer that says what is wrong, and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAuthServer, type AuthServer } from './support/authServer';

let server: AuthServer;

beforeAll(async () => {
  server = await makeAuthServer();
});
afterAll(async () => server.close());

const GOOD_SETUP = { email: 'head@oakfield.sch.uk', password: 'a long enough password', displayName: 'Priya Shah' };

describe.each(['/api/auth/sign-in', '/api/setup'])('POST %s with a bad body', (url) => {
  it.each([
    ['missing email', { password: 'a long enough password', displayName: 'Priya Shah' }, 'Email is missing.'],
    ['email of the wrong type', { ...GOOD_SETUP, email: 42 }, 'Email must be text.'],
    ['not an email', { ...GOOD_SETUP, email: 'priya at oakfield' }, 'Enter an email address like priya@oakfield.sch.uk.'],
    ['missing password', { email: 'head@oakfield.sch.uk', displayName: 'Priya Shah' }, 'Password is missing.'],
    ['password of the wrong type', { ...GOOD_SETUP, password: ['a', 'b'] }, 'Password must be text.'],
  ])('%s → 400', async (_label, payload, message) => {
    const res = await server.app.inject({ method: 'POST', url, payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: message, code: 'invalid-request' });
  });

  it.each([
    ['a JSON array', 'application/json', '[1, 2]'],
    ['a JSON string', 'application/json', '"hello"'],
    ['plain text', 'text/plain', 'email=priya&password=secret'],
    ['no body', undefined, undefined],
  ])('%s → 400 asking for a JSON object', async (_label, contentType, payload) => {
    const res = await server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: contentType ? { 'content-type': contentType } : {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Send a JSON object with Content-Type: application/json.', code: 'invalid-request' });
  });

  it('malformed JSON → 400', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "head@oakfield',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'The request body is not valid JSON.' });
  });

  it('a body over 16 KB → 413 naming the limit', async () => {
    const res = await server.app.inject({ method: 'POST', url, payload: { ...GOOD_SETUP, displayName: 'x'.repeat(17 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'The request body is too large (the limit is 16 KB).' });
  });

  it('a form post → 415', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=head%40oakfield.sch.uk',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: expect.stringContaining('application/json') });
  });
});

describe('setup fields', () => {
  it.each([
    ['missing name', { email: GOOD_SETUP.email, password: GOOD_SETUP.password }, 'Name is missing.'],
    ['blank name', { ...GOOD_SETUP, displayName: '   ' }, 'Enter your name.'],
    ['very long password', { ...GOOD_SETUP, password: 'p'.repeat(1001) }, 'Use a password of at most 1000 characters.'],
  ])('%s → 400', async (_label, payload, message) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/setup', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: message, code: 'invalid-request' });
    expect(await server.store.countUsers()).toBe(0);
  });
});

describe('sign-in fields', () => {
  it('an empty password → 400', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'head@oakfield.sch.uk', password: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Enter your password.', code: 'invalid-request' });
  });
});
