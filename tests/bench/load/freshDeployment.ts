// A fresh, empty deployment for one run: a temp directory with a stand-in "built app" (the
// server only needs an index.html to start) and a new database — SQLite in the data directory,
// or a new PostgreSQL database created here and dropped afterwards — with the run's accounts
// already in it, made by createAccount against the store before any server starts, which is
// what `npm run admin -- create-user` does on a real deployment.
//
// Not storeTargets.ts's fresh *schema*: a server process started from the command line has no
// way to choose a schema (it uses DATABASE_URL's default), and LISTEN/NOTIFY channels are per
// database, so a schema in the shared `test` database would hear other suites' notifications.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAccount } from '../../../src/server/auth/accounts';
import { openStore } from '../../../src/server/storage/openStore';
import { TEST_DATABASE_URL } from '../../integration/support/storeTargets';

export const LOAD_PASSWORD = 'a sensible passphrase';

export interface Person {
  readonly email: string;
}

export interface FreshDeployment {
  readonly staticDir: string;
  readonly dataDir: string;
  /** Set for PostgreSQL: the new database's URL and name. */
  readonly databaseUrl?: string;
  readonly databaseName?: string;
  readonly people: readonly Person[];
  /** Removes the temp directory and drops the PostgreSQL database. */
  destroy(): Promise<void>;
}

/** The URL of database `name` on the same PostgreSQL server as `url`. */
function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function createDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    // The name is made here from hex digits, so it needs no quoting.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    // FORCE: a server killed mid-run may leave a connection behind for a moment.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `people` accounts, all participants with the same password, created in the new database. */
export async function freshDeployment(kind: 'sqlite' | 'postgres', people: number): Promise<FreshDeployment> {
  const root = mkdtempSync(join(tmpdir(), 'setwise-load-'));
  const staticDir = join(root, 'dist');
  const dataDir = join(root, 'data');
  mkdirSync(staticDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Setwise</title><div id="root"></div>');

  const databaseName = kind === 'postgres' ? `setwise_load_${randomBytes(6).toString('hex')}` : undefined;
  const destroy = async (): Promise<void> => {
    if (databaseName) await dropDatabase(databaseName);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    if (databaseName) await createDatabase(databaseName);
    const databaseUrl = databaseName ? withDatabase(TEST_DATABASE_URL, databaseName) : undefined;
    const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    const emails = Array.from({ length: people }, (_, i) => `teacher${i + 1}@oakfield.sch.uk`);
    try {
      // Several at once: scrypt runs on libuv's thread pool, so this uses every core.
      await Promise.all(emails.map((email, i) => createAccount(store, { email, displayName: `Teacher ${i + 1}`, roles: ['participant'], password: LOAD_PASSWORD })));
    } finally {
      await store.close();
    }
    const accounts = emails.map((email) => ({ email }));
    return { staticDir, dataDir, ...(databaseUrl && databaseName ? { databaseUrl, databaseName } : {}), people: accounts, destroy };
  } catch (error) {
    await destroy().catch(() => undefined);
    throw error;
  }
}
