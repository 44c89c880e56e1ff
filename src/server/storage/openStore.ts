// Picks the store from configuration and brings its schema up to date.
import { join } from 'node:path';
import { openPostgresStore } from './postgresStore';
import { openSqliteStore } from './sqliteStore';
import type { Store } from './Store';

export const SQLITE_FILE_NAME = 'setwise.sqlite';

export interface OpenStoreOptions {
  /** PostgreSQL connection string (DATABASE_URL); when unset, SQLite in dataDir. */
  databaseUrl?: string;
  /** Absolute path of the server's data directory (created if missing). */
  dataDir: string;
}

/**
 * PostgreSQL when databaseUrl is set, else SQLite at `${dataDir}/setwise.sqlite`; migrated.
 * Failures say which database could not be opened (never the URL's password).
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const where = options.databaseUrl
    ? `PostgreSQL at ${withoutPassword(options.databaseUrl)}`
    : `SQLite at ${join(options.dataDir, SQLITE_FILE_NAME)}`;
  let store: Store | undefined;
  try {
    store = options.databaseUrl
      ? openPostgresStore(options.databaseUrl)
      : openSqliteStore(join(options.dataDir, SQLITE_FILE_NAME));
    await store.migrate();
    return store;
  } catch (error) {
    // Do not leave a pool or file handle open behind a server that will not start.
    await store?.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`Could not open the database (${where}): ${reason}`, { cause: error });
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
