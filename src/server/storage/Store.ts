import type { MemberRole } from '../../domain/sets/membership';
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

/** Which record: its table and id. */
export interface RecordKey {
  readonly table: SyncTableName;
  readonly id: string;
}

/** A stored record with its audience tokens, as `getRecordsWithAudience` reads them. */
export interface RecordWithAudience extends StoredRecord {
  /** Sorted by UTF-16 code unit (JavaScript's default sort), whatever the database's collation. */
  readonly audience: readonly string[];
}

/** The arguments of one `putRecord` call, for `putRecords`. */
export interface RecordWrite extends RecordKey {
  readonly owner: string;
  readonly doc: Record<string, unknown>;
  /** Default: the owner's token only, as in putRecord. */
  readonly audience?: readonly string[];
}

/** A token taken away from a record: devices holding that token must drop the record. */
export interface Revocation {
  readonly table: SyncTableName;
  readonly id: string;
  readonly seq: number;
}

/** A record removed for good (its owner deleted their account), with the audience it had. */
export interface DeletedRecord {
  readonly table: SyncTableName;
  readonly id: string;
  readonly owner: string;
  readonly audience: readonly string[];
}

/** What `pullVisible` finds: each list in seq order, at most `limit` long. */
export interface VisiblePage {
  readonly records: readonly StoredRecord[];
  /** Only revocations of records the reader can no longer see through any token. */
  readonly revocations: readonly Revocation[];
}

/** A single-use invitation to join a cohort; only the SHA-256 of its code is kept. */
export interface Invitation {
  readonly id: string;
  readonly codeHash: string;
  readonly cohortId: string;
  readonly role: MemberRole;
  readonly setId: string | null;
  readonly coacheeId: string | null;
  readonly displayName: string;
  readonly email: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly usedBy: string | null;
  readonly cancelledAt: string | null;
}

/** Counts for the coordinator's overview: never content. */
export interface OwnerActivity {
  readonly owner: string;
  /** Log entries that are not deleted. */
  readonly entries: number;
  /** Latest updatedAt of anything the owner has written, or null. */
  readonly lastActiveAt: string | null;
}

export interface StoreTransaction {
  getRecord(table: SyncTableName, id: string): Promise<StoredRecord | undefined>;
  /**
   * Insert or replace the record with its audience tokens (default: its owner's only);
   * allocates and returns its new seq. Tokens the record had and no longer has are written as
   * revocations (index tokens, "about:"/"blob:", are not: nobody holds them).
   */
  putRecord(table: SyncTableName, id: string, owner: string, doc: Record<string, unknown>, audience?: readonly string[]): Promise<number>;
  /**
   * Many putRecord calls in as few statements as the adapter can (a push writes up to hundreds
   * of records; one round trip each dominated a push on PostgreSQL — decision 015). The result
   * is exactly that of calling putRecord for each write in turn: each write gets its own new
   * seq, in the order given, with the revocations it causes right after it (in token order),
   * worked out against the audience the writes before it left; a record written twice ends
   * with the last write. Returns each write's seq, in order.
   */
  putRecords(writes: readonly RecordWrite[]): Promise<number[]>;
  /**
   * The stored records among `keys`, each with its audience, in one read where the adapter
   * can. Keys with no record are left out; duplicates are read once.
   */
  getRecordsWithAudience(keys: readonly RecordKey[]): Promise<RecordWithAudience[]>;
  /** The record's audience tokens ([] when there is no such record). */
  getAudience(table: SyncTableName, id: string): Promise<string[]>;
  /** Records carrying `token` (of `table`, or all tables), e.g. the comments and photos of one entry. */
  findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]>;
  /**
   * Records of `table` whose doc has `field` (a top-level field name) equal to `value`. Scans the
   * table: for rare jobs (deleting an account), never on a request path that runs often.
   */
  findRecordsByField(table: SyncTableName, field: string, value: string): Promise<StoredRecord[]>;
  /** Marks the invitation used by `userId`, if it still can be (unused, not cancelled, not expired at `at`). */
  claimInvitation(id: string, userId: string, at: Date): Promise<boolean>;
  /** Whether this user's batch was applied before (push is idempotent per batch). */
  hasBatch(userId: string, batchId: string): Promise<boolean>;
  recordBatch(userId: string, batchId: string, appliedAt: Date): Promise<void>;
  /**
   * Removes for good every record of `tables` owned by `owner` (deleting an account: the one
   * exception to "nothing is hard-deleted"), with its audience. Every reader token a record
   * had is written as a revocation with a new seq (at least its owner's), so devices that held
   * it drop it and the highest seq never goes down. Returns what was removed.
   */
  deleteOwnedRecords(owner: string, tables: readonly SyncTableName[]): Promise<DeletedRecord[]>;
  /** Removes one record for good, as deleteOwnedRecords does; undefined when there is none. */
  deleteRecord(table: SyncTableName, id: string): Promise<DeletedRecord | undefined>;
  /**
   * Removes the user and what is kept for them outside records: their sessions, photo bytes and
   * applied batch ids. Invitations they used keep `formerName` instead of their name and email.
   * False when there was no such user.
   */
  deleteUser(userId: string, formerName: string): Promise<boolean>;
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
  /**
   * Records carrying any of `tokens` with seq > after, and revocations for those tokens of
   * records none of `tokens` reaches any more; each list in seq order, at most `limit`.
   */
  pullVisible(tokens: readonly string[], after: number, limit: number): Promise<VisiblePage>;
  /** A record's audience tokens, read outside any transaction ([] when there is no such record). */
  audienceOf(table: SyncTableName, id: string): Promise<string[]>;
  /** Records of `table` carrying `token` (outside a transaction): memberships, cohorts. */
  findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]>;
  /** Highest seq handed out so far (records and revocations; 0 when none). */
  maxSeq(): Promise<number>;
  ownerActivity(owners: readonly string[]): Promise<OwnerActivity[]>;

  createInvitation(invitation: Invitation): Promise<void>;
  findInvitationByCodeHash(codeHash: string): Promise<Invitation | undefined>;
  findInvitation(id: string): Promise<Invitation | undefined>;
  listInvitations(cohortId: string): Promise<Invitation[]>;
  cancelInvitation(id: string, at: Date): Promise<void>;

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
