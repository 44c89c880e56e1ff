// Global setup for the "e2e" vitest project: build the real app once, serve it with the real
// server on a free port with one test account, and hand the URL and the account's credentials
// to tests via inject('baseURL') and inject('testUser').
// Browser tests must never be skipped silently, so a missing Chromium is a hard failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createAccount } from '../../../src/server/auth/accounts';
import { createServer } from '../../../src/server/createServer';
import { openStore } from '../../../src/server/storage/openStore';
import { assertChromiumInstalled } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running Setwise server, without a trailing slash. */
    baseURL: string;
    /** An account that exists on that server, for tests that sign in through the app. */
    testUser: { email: string; password: string; displayName: string };
    /** A programme coordinator's account (may start cohorts and invite people). */
    coordinatorUser: { email: string; password: string; displayName: string };
  }
}

// Invented, as all test data must be (docs: UX.md); .example never reaches a real mailbox.
const TEST_USER = { email: 'priya@oakfield.example', password: 'a sensible passphrase', displayName: 'Priya Shah' };
const COORDINATOR_USER = { email: 'morgan@northfield.example', password: 'a sensible passphrase', displayName: 'Morgan Ellis' };

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const staticDir = join(repoRoot, 'dist');

function buildApp(): void {
  if (process.env.SETWISE_SKIP_BUILD === '1' && existsSync(join(staticDir, 'index.html'))) {
    console.log('[e2e] SETWISE_SKIP_BUILD=1: using the existing dist/');
    return;
  }
  console.log('[e2e] building the app (npm run build)…');
  // The e2e tests exercise exactly what ships, service worker included, not the dev server.
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromiumInstalled();
  buildApp();

  const dataDir = mkdtempSync(join(tmpdir(), 'setwise-e2e-data-'));
  // The store is opened here (not by createServer) so the account exists before the first
  // request; a server given a store leaves closing it to its owner.
  const store = await openStore({ dataDir });
  await createAccount(store, { ...TEST_USER, roles: ['participant'] });
  await createAccount(store, { ...COORDINATOR_USER, roles: ['coordinator', 'participant'] });
  const app = await createServer({ staticDir, dataDir, store, logLevel: 'warn' });
  // 127.0.0.1 is a secure context, so service workers are allowed without https.
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`[e2e] Setwise test server at ${address}`);
  project.provide('baseURL', address);
  project.provide('testUser', TEST_USER);
  project.provide('coordinatorUser', COORDINATOR_USER);

  return async () => {
    await app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
