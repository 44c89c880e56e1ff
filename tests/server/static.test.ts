// The built app must be served so an installed PWA updates promptly and deep links work.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_HTML, makeTestServer } from './support/tempSite';

let app: FastifyInstance;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, close } = await makeTestServer());
});
afterAll(async () => close());

describe('static files', () => {
  it('serves index.html at / without long caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves sw.js and the manifest with no-cache so updates reach devices', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/x.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 (not the app shell) for a missing file under /assets/', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/missing.js',
      headers: { accept: 'text/html,*/*' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
    expect(res.json()).toEqual({ error: 'Not found: GET /assets/missing.js' });
  });

  it('answers 404 for a missing file with an extension outside /assets/', async () => {
    const res = await app.inject({ method: 'GET', url: '/icons/missing.png' });
    expect(res.statusCode).toBe(404);
  });
});

describe('SPA fallback', () => {
  it.each(['/journal', '/challenge/abc-123', '/trials/1/cycles?tab=plan'])(
    'serves the app shell for the navigation %s',
    async (url) => {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX_HTML);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves the app shell to extension-less paths even without an Accept header', async () => {
    const res = await app.inject({ method: 'GET', url: '/log/2024' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
  });

  it('does not fall back for non-GET requests', async () => {
    const res = await app.inject({ method: 'POST', url: '/journal', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toHaveProperty('error');
  });

  it('does not fall back for /api/ paths even from a browser navigation', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});
