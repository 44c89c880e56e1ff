// Security headers must be on every kind of response: pages, files, API answers and errors.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/createServer';
import { makeTempSite, makeTestServer, type TempSite } from './support/tempSite';

let app: FastifyInstance;
let close: () => Promise<void>;
// A second server with one route that fails, for the 500 answer (routes cannot be added to
// `app` once it is ready, and no real route fails on purpose).
let failing: FastifyInstance;
let failingSite: TempSite;

beforeAll(async () => {
  ({ app, close } = await makeTestServer());
  failingSite = makeTempSite();
  failing = await createServer({ staticDir: failingSite.staticDir, dataDir: failingSite.dataDir, logLevel: 'silent' });
  failing.get('/api/test-only/fails', async () => {
    throw new Error('a bug in a route');
  });
  await failing.ready();
});
afterAll(async () => {
  await close();
  await failing.close();
  failingSite.cleanup();
});

/** Parses a CSP header into directive name -> source list. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** The headers every response needs, whatever it is. */
function expectSecurityHeaders(res: LightMyRequestResponse): void {
  const header = res.headers['content-security-policy'];
  expect(header).toEqual(expect.any(String));
  const csp = parseCsp(String(header));
  // Scripts from the app's own origin only: no inline script, no eval, so an injected
  // <script> or an onclick="…" in someone's writing can never run.
  const scriptSources = csp.get('script-src') ?? csp.get('default-src');
  expect(scriptSources).toEqual(["'self'"]);
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(scriptSources).not.toContain("'unsafe-eval'");
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
}

type Case = { kind: string; server: () => FastifyInstance; request: InjectOptions; status: number; type: RegExp };
const CASES: Case[] = [
  { kind: 'the HTML document', server: () => app, request: { method: 'GET', url: '/' }, status: 200, type: /^text\/html/ },
  { kind: 'a deep link (the app shell)', server: () => app, request: { method: 'GET', url: '/journal', headers: { accept: 'text/html' } }, status: 200, type: /^text\/html/ },
  { kind: 'a static asset', server: () => app, request: { method: 'GET', url: '/assets/x.js' }, status: 200, type: /javascript/ },
  { kind: 'the service worker', server: () => app, request: { method: 'GET', url: '/sw.js' }, status: 200, type: /javascript/ },
  { kind: 'an API JSON answer', server: () => app, request: { method: 'GET', url: '/api/health' }, status: 200, type: /^application\/json/ },
  { kind: 'an unknown API path (404)', server: () => app, request: { method: 'GET', url: '/api/nope' }, status: 404, type: /^application\/json/ },
  { kind: 'a missing asset (404)', server: () => app, request: { method: 'GET', url: '/assets/gone.js' }, status: 404, type: /^application\/json/ },
  {
    kind: 'a malformed request (400)',
    server: () => app,
    request: { method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{not json' },
    status: 400,
    type: /^application\/json/,
  },
  { kind: 'a refused request (401)', server: () => app, request: { method: 'POST', url: '/api/sync/push', payload: {} }, status: 401, type: /^application\/json/ },
  { kind: 'a server error (500)', server: () => failing, request: { method: 'GET', url: '/api/test-only/fails' }, status: 500, type: /^application\/json/ },
];

describe('security headers', () => {
  it.each(CASES)('are on $kind', async ({ server, request, status, type }) => {
    const res = await server().inject(request);
    // First make sure the case really is the kind of response it claims to be.
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(type);
    expectSecurityHeaders(res);
  });

  it('sets a CSP that forbids inline script and framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = parseCsp(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('manifest-src')).toEqual(["'self'"]);
  });
});
