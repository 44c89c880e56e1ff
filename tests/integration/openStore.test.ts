// openStore picks the database from configuration and leaves it migrated.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, SQLITE_FILE_NAME } from '../../src/server/storage/openStore';
import { TEST_DATABASE_URL } from './support/storeTargets';

const dir = mkdtempSync(join(tmpdir(), 'setwise-open-'));
const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  rmSync(dir, { recursive: true, force: true });
});

describe('openStore', () => {
  it('without a database URL: SQLite in the data directory (created), WAL, migrated', async () => {
    const dataDir = join(dir, 'not', 'there', 'yet');
    const store = await openStore({ dataDir });
    cleanUps.push(() => store.close());
    expect(await store.epoch()).toMatch(/^[0-9a-f]{32}$/);
    expect(await store.countUsers()).toBe(0);

    const file = join(dataDir, SQLITE_FILE_NAME);
    expect(existsSync(file)).toBe(true);
    const peek = new Database(file, { readonly: true });
    try {
      expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      peek.close();
    }
  });

  it('with a database URL: PostgreSQL, migrated, and nothing written to the data directory', async () => {
    const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1, connectionTimeoutMillis: 5_000 });
    const schema = `s_${randomBytes(8).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    cleanUps.push(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });
    // A deployment could choose its schema the same way, in DATABASE_URL itself.
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dataDir = join(dir, 'pg-data');

    const store = await openStore({ databaseUrl: url.toString(), dataDir });
    cleanUps.push(() => store.close());
    expect(await store.epoch()).toMatch(/^[0-9a-f]{32}$/);
    const tables = await admin.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    expect(tables.rows.map((row: { table_name: string }) => row.table_name).sort()).toEqual(
      ['applied_batches', 'blobs', 'invitations', 'login_attempts', 'meta', 'record_audience', 'records', 'revocations', 'schema_migrations', 'sessions', 'users'],
    );
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(false);
  });

  it('fails clearly, leaving nothing open, when the database cannot be reached', async () => {
    const unreachable = 'postgres://setwise:s3cret@127.0.0.1:1/nothing';
    const opening = openStore({ databaseUrl: unreachable, dataDir: dir });
    await expect(opening).rejects.toThrow(
      /^Could not open the database \(PostgreSQL at postgres:\/\/setwise:\*\*\*@127\.0\.0\.1:1\/nothing\): .*ECONNREFUSED/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
