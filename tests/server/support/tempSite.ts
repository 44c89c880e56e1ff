// A throwaway "built app" for server tests, so they do not depend on running vite build.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../../src/server/createServer';

export const INDEX_HTML = '<!doctype html><title>Setwise</title><div id="root"></div>';

export type TempSite = { staticDir: string; dataDir: string; cleanup: () => void };

export function makeTempSite(): TempSite {
  const root = mkdtempSync(join(tmpdir(), 'setwise-server-test-'));
  const staticDir = join(root, 'dist');
  const dataDir = join(root, 'data');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  mkdirSync(dataDir);
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Setwise"}');
  writeFileSync(join(staticDir, 'assets', 'x.js'), 'console.log("x");');
  return { staticDir, dataDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A ready (not listening) server over a fresh temp site; call close() after the test. */
export async function makeTestServer(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const site = makeTempSite();
  const app = await createServer({
    staticDir: site.staticDir,
    dataDir: site.dataDir,
    logLevel: 'silent',
    version: '9.9.9-test',
  });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      site.cleanup();
    },
  };
}
