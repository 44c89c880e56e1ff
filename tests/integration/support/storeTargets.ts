// The two databases the integration suite runs every Store test against. Each test file gets
// its own targets (module state is per file); every `newDatabase()` is empty and independent:
// SQLite a new file in a temp directory, PostgreSQL a new schema, dropped by `cleanUp()`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPostgresStore } from '../../../src/server/storage/postgresStore';
import { openSqliteStore } from '../../../src/server/storage/sqliteStore';
import type { Store } from '../../../src/server/storage/Store';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** A new Store on this database, not yet migrated (another "server process" on Postgres). */
  open(): Store;
  /** Open + migrate to latest. */
  openMigrated(): Promise<Store>;
  /** Versions recorded in schema_migrations, ascending, read beside the Store. */
  appliedMigrations(): Promise<number[]>;
  /**
   * Writes a records row directly, as an older release (before record audiences) did: for
   * upgrade tests, since the current Store also writes tables an old schema lacks.
   */
  insertOldRecord(table: string, id: string, owner: string, doc: object, seq: number): Promise<void>;
}

export interface StoreTarget {
  readonly name: 'sqlite' | 'postgres';
  newDatabase(): Promise<TestDatabase>;
  /** Closes every store opened here and drops every database made here. */
  cleanUp(): Promise<void>;
}

function withMigrate(
  open: () => Store,
  appliedMigrations: () => Promise<number[]>,
  insertOldRecord: TestDatabase['insertOldRecord'],
): TestDatabase {
  return {
    open,
    appliedMigrations,
    insertOldRecord,
    async openMigrated() {
      const store = open();
      await store.migrate();
      return store;
    },
  };
}

function versions(rows: readonly unknown[]): number[] {
  return rows.map((row) => Number((row as { version: unknown }).version)).sort((a, b) => a - b);
}

export function sqliteTarget(): StoreTarget {
  let dir: string | undefined;
  const stores: Store[] = [];
  return {
    name: 'sqlite',
    async newDatabase() {
      dir ??= mkdtempSync(join(tmpdir(), 'setwise-store-'));
      // A subdirectory that does not exist yet: the adapter must create it.
      const file = join(dir, randomBytes(6).toString('hex'), 'setwise.sqlite');
      return withMigrate(
        () => {
          const store = openSqliteStore(file);
          stores.push(store);
          return store;
        },
        async () => {
          const db = new Database(file, { readonly: true });
          try {
            return versions(db.prepare('SELECT version FROM schema_migrations').all());
          } finally {
            db.close();
          }
        },
        async (table, id, owner, doc, seq) => {
          const db = new Database(file);
          try {
            db.prepare('INSERT INTO records (table_name, id, owner, doc, seq) VALUES (?, ?, ?, ?, ?)').run(table, id, owner, JSON.stringify(doc), seq);
          } finally {
            db.close();
          }
        },
      );
    },
    async cleanUp() {
      await Promise.all(stores.map((store) => store.close()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL without its password, for messages. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable TEST_DATABASE_URL)';
  }
}

export function postgresTarget(url = TEST_DATABASE_URL): StoreTarget {
  let admin: pg.Pool | undefined;
  // Connected once per file; a failure is remembered so later tests fail at once with the
  // same sentence instead of each waiting for its own connection timeout.
  let connecting: Promise<pg.Pool> | undefined;
  const schemas: string[] = [];
  const stores: Store[] = [];

  async function connectAdmin(): Promise<pg.Pool> {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000 });
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message || error.name : String(error);
      // Never skip: a Postgres-backed deployment is only as tested as this suite.
      throw new Error(
        `The integration suite needs PostgreSQL, but ${shownUrl(url)} cannot be reached (${reason}). ` +
          'Start PostgreSQL (bash .ci/run does) or set TEST_DATABASE_URL to a database you may create schemas in.',
        { cause: error },
      );
    }
    admin = pool;
    return pool;
  }

  return {
    name: 'postgres',
    async newDatabase() {
      connecting ??= connectAdmin();
      const pool = await connecting;
      const schema = `s_${randomBytes(8).toString('hex')}`;
      await pool.query(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      return withMigrate(
        () => {
          const store = openPostgresStore(url, { schema, maxConnections: 4 });
          stores.push(store);
          return store;
        },
        async () => versions((await pool.query(`SELECT version FROM ${schema}.schema_migrations`)).rows),
        async (table, id, owner, doc, seq) => {
          await pool.query(`INSERT INTO ${schema}.records (table_name, id, owner, doc, seq) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
            table,
            id,
            owner,
            JSON.stringify(doc),
            seq,
          ]);
          await pool.query(`SELECT setval('${schema}.record_seq', GREATEST($1, (SELECT last_value FROM ${schema}.record_seq)))`, [seq]);
        },
      );
    },
    async cleanUp() {
      await Promise.all(stores.map((store) => store.close()));
      if (!admin) return;
      for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** Fresh targets for one test file; use with describe.each and call cleanUp in afterAll. */
export function storeTargets(): StoreTarget[] {
  return [sqliteTarget(), postgresTarget()];
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Small random pause, so concurrent transactions interleave their awaits. */
export const jitter = (maxMs = 3): Promise<void> => sleep(Math.floor(Math.random() * (maxMs + 1)));
