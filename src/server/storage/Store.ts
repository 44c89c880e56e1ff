import type { SyncTableName } from '../../domain/sync/syncTables';

/**
 * The server's storage, behind one interface with two adapters: SQLite (better-sqlite3, the
 * default, one process) and PostgreSQL (`DATABASE_URL`; many stateless server processes on one
 * database). The same integration suite runs against both (tests/integration).
 *
 * Invariants every adapter keeps:
 * - `transaction` runs its callback atomically; writers are serialised so that sequence
 *   numbers become visible in the order they were allocated: a reader that has seen seq N has
 *   seen every change with seq < N (no change can be skipped by a pull cursor).
 * - `putRecord` gives the record a new seq, greater than every seq handed out before.
 * - Migrations are numbered, run in order on start, each once, additive only.
 */

export interface StoredRecord {
  readonly table: SyncTableName;
  readonly id: string;
  readonly owner: string;
  /** The whole merged record (a JSON object with `clocks`), as the domain schemas describe it. */
  readonly doc: Record<string, unknown>;
  readonly seq: number;
}

export interface StoreTransaction {
  getRecord(table: SyncTableName, id: string): Promise<StoredRecord | undefined>;
  /** Insert or replace the record; allocates and returns its new seq. */
  putRecord(table: SyncTableName, id: string, owner: string, doc: Record<string, unknown>): Promise<number>;
  /** Whether this user's batch was applied before (push is idempotent per batch). */
  hasBatch(userId: string, batchId: string): Promise<boolean>;
  recordBatch(userId: string, batchId: string, appliedAt: Date): Promise<void>;
}

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
  readonly createdAt: string;
}
export const ROLES = ['participant', 'facilitator', 'coach', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  /** SHA-256 of the session token (the token itself is only ever in the cookie). */
  readonly idHash: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** `createUser` refused an email that another user already has (compared lower-cased). */
export class EmailTakenError extends Error {
  override name = 'EmailTakenError';
  constructor(email: string) {
    super(`There is already a user with the email ${email}.`);
  }
}

/**
 * A record's doc (or any JSON) holds something one of the databases cannot store: NUL
 * characters or unpaired UTF-16 surrogates in a string (PostgreSQL's jsonb refuses them). Both
 * adapters refuse the same input, so behaviour does not depend on the database.
 */
export class UnstorableJsonError extends Error {
  override name = 'UnstorableJsonError';
}

export interface Store {
  /**
   * Runs pending numbered migrations. Safe to call from several processes at once.
   * `targetVersion` (tests only: upgrade checks) stops after that migration; default: all.
   */
  migrate(targetVersion?: number): Promise<void>;
  /** Random id made when this database was created: a reset server has a new one. */
  epoch(): Promise<string>;
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;

  /** Records owned by `owner` with seq > after, in seq order, at most `limit`. */
  pullRecords(owner: string, after: number, limit: number): Promise<StoredRecord[]>;
  /** Highest seq handed out so far (0 when none). */
  maxSeq(): Promise<number>;

  putBlob(owner: string, sha256: string, bytes: Buffer, mimeType: string): Promise<void>;
  getBlob(owner: string, sha256: string): Promise<{ bytes: Buffer; mimeType: string } | undefined>;

  createUser(user: Omit<User, 'createdAt'>): Promise<User>;
  findUserByEmail(email: string): Promise<User | undefined>;
  findUserById(id: string): Promise<User | undefined>;
  countUsers(): Promise<number>;

  createSession(session: Session): Promise<void>;
  findSession(idHash: string): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;

  /** Adds one attempt for `key` at `at` and returns how many attempts `key` has since `since`. */
  recordLoginAttempt(key: string, at: Date, since: Date): Promise<number>;
  clearLoginAttempts(key: string): Promise<void>;

  close(): Promise<void>;
}
