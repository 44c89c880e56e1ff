// The /api/ namespace always answers JSON, including for mistakes, so clients can show a reason.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, createServer } from '../../src/server/createServer';
import { makeTempSite, makeTestServer } from './support/tempSite';

let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await makeTestServer());
});
afterAll(async () => close());

describe('API', () => {
  it('GET /api/health reports ok and the version', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ ok: true, version: '9.9.9-test' });
  });

  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['DELETE', '/api/health/extra'],
  ] as const)('%s %s is a 404 with a JSON error', async (method, url) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: `Not found: ${method} ${url}` });
  });
});

describe('error handler', () => {
  let errorApp: FastifyInstance;
  let closeErrorApp: () => Promise<void>;

  // Test-only routes exercise the error handler; they are added before the server is ready.
  beforeAll(async () => {
    const site = makeTempSite();
    errorApp = await createServer({ ...site, logLevel: 'silent' });
    // Outside /api, so the sign-in and CSRF guards (tested in tests/server/auth) do not answer first.
    errorApp.post('/test-only/echo', async (request) => ({ received: request.body }));
    errorApp.get('/api/boom', async () => {
      throw new Error('secret internal detail');
    });
    await errorApp.ready();
    closeErrorApp = async () => {
      await errorApp.close();
      site.cleanup();
    };
  });
  afterAll(async () => closeErrorApp());

  it('explains malformed JSON with a 400', async () => {
    const res = await errorApp.inject({
      method: 'POST',
      url: '/test-only/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual(expect.any(String));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rejects bodies over 1 MiB with a 413 and a clear message', async () => {
    const res = await errorApp.inject({
      method: 'POST',
      url: '/test-only/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(BODY_LIMIT_BYTES) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('The request body is too large (the limit is 1 MiB).');
  });

  it('accepts a normal JSON body', async () => {
    const res = await errorApp.inject({ method: 'POST', url: '/test-only/echo', payload: { a: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: { a: 1 } });
  });

  it('hides internal details of server errors', async () => {
    const res = await errorApp.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.json()).toEqual({ error: 'Something went wrong on the server. Please try again.' });
  });
});
