// Conversions shared by both adapters, between database rows (untyped: `unknown` until
// checked) and the Store's types. A row that does not have the expected shape means the
// database and code disagree; that fails loudly instead of handing on a half-valid value.
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { isIndexToken, userToken } from '../../domain/access/audienceTokens';
import { MEMBER_ROLES } from '../../domain/sets/membership';
import { SYNC_TABLE_NAMES, type SyncTableName } from '../../domain/sync/syncTables';
import {
  ROLES,
  UnstorableJsonError,
  type Invitation,
  type RecordKey,
  type Revocation,
  type Role,
  type Session,
  type StoredRecord,
  type User,
} from './Store';

export type Row = Readonly<Record<string, unknown>>;

export function asRow(value: unknown): Row {
  if (value === null || typeof value !== 'object') throw new Error(`Expected a database row, got ${typeof value}`);
  return value as Row;
}

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Column ${column} should be text, got ${typeof value}`);
  return value;
}

/** Integers: SQLite gives numbers, node-postgres gives bigint/count(*) as decimal strings. */
export function int(row: Row, column: string): number {
  const value = row[column];
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new Error(`Column ${column} should be a safe integer, got ${String(value)}`);
  }
  return number;
}

export function bytes(row: Row, column: string): Buffer {
  const value = row[column];
  if (!Buffer.isBuffer(value)) throw new Error(`Column ${column} should be bytes`);
  return value;
}

/** SQLite keeps ISO text, PostgreSQL timestamptz (a Date from node-postgres). */
export function time(row: Row, column: string): string {
  const value = row[column];
  if (value instanceof Date) return value.toISOString();
  return toIso(text(row, column));
}

/** Normalises a time to `toISOString()` form, the only form the SQLite tables hold. */
export function toIso(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a valid time: ${String(value)}`);
  return date.toISOString();
}

/** SQLite keeps JSON as text; node-postgres parses jsonb already. */
export function json(row: Row, column: string): unknown {
  const value = row[column];
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

function jsonObject(row: Row, column: string): Record<string, unknown> {
  const value = json(row, column);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Column ${column} should hold a JSON object`);
  }
  return value as Record<string, unknown>;
}

// An unpaired surrogate: with the u flag a valid pair is one code point above U+FFFF, so the
// surrogate range only matches halves that stand alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Throws UnstorableJsonError when `value` holds what PostgreSQL's jsonb cannot (see encodeJson). */
export function assertStorable(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || LONE_SURROGATE.test(value)) {
      throw new UnstorableJsonError(`${path} contains a NUL character or a broken UTF-16 surrogate.`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, `${path}[${index}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      assertStorable(key, `${path} key`);
      assertStorable(item, `${path}.${key}`);
    }
  }
}

/** JSON text for a doc; refuses what PostgreSQL's jsonb cannot hold, on both adapters alike. */
export function encodeJson(value: unknown, what: string): string {
  assertStorable(value, what);
  return JSON.stringify(value);
}

export function syncTable(value: string): SyncTableName {
  const table = SYNC_TABLE_NAMES.find((name) => name === value);
  if (!table) throw new Error(`Unknown record table in the database: ${value}`);
  return table;
}

export function toStoredRecord(row: Row): StoredRecord {
  return {
    table: syncTable(text(row, 'table_name')),
    id: text(row, 'id'),
    owner: text(row, 'owner'),
    doc: jsonObject(row, 'doc'),
    seq: int(row, 'seq'),
  };
}

const rolesSchema = z.array(z.enum(ROLES));

export function toUser(row: Row): User {
  return {
    id: text(row, 'id'),
    email: text(row, 'email'),
    displayName: text(row, 'display_name'),
    roles: rolesSchema.parse(json(row, 'roles')),
    passwordHash: text(row, 'password_hash'),
    createdAt: time(row, 'created_at'),
  };
}

export function toSession(row: Row): Session {
  return {
    idHash: text(row, 'id_hash'),
    userId: text(row, 'user_id'),
    csrfToken: text(row, 'csrf_token'),
    createdAt: time(row, 'created_at'),
    expiresAt: time(row, 'expires_at'),
  };
}

/** Emails are compared lower-cased and without surrounding spaces; stored the same way. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function rolesJson(roles: readonly Role[]): string {
  return JSON.stringify(rolesSchema.parse(roles));
}

export function checkPage(after: number, limit: number): void {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`after must be a whole number ≥ 0, got ${after}`);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number ≥ 1, got ${limit}`);
}

/**
 * Marks the async context of a transaction callback. Calling the store itself (rather than
 * `tx`) from inside would deadlock (SQLite: the adapter's mutex is held; PostgreSQL: a second
 * transaction waits for the writer lock the first one holds) or read outside the transaction,
 * so it fails at once with a sentence saying what to do instead.
 */
export class TransactionScope {
  private readonly context = new AsyncLocalStorage<true>();

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.context.run(true, work);
  }

  assertOutside(method: string): void {
    if (this.context.getStore()) {
      throw new Error(`store.${method}() was called inside store.transaction(); use the transaction's tx object instead.`);
    }
  }

  /**
   * For the store's close(), once no transaction can run any more. Node keeps every
   * AsyncLocalStorage that has run until it is disabled, and each one costs every later
   * promise and callback in the process a little: a process that opens and closes stores
   * (tests, in-process restarts) otherwise slows down and grows with each store it closed.
   */
  dispose(): void {
    this.context.disable();
  }
}

/** A transaction's tx object must not be used after its transaction ended. */
export function assertOpen(finished: boolean): void {
  if (finished) throw new Error('This transaction has already committed or rolled back; its tx can no longer be used.');
}

export function nullableText(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : text(row, column);
}

function nullableTime(row: Row, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : time(row, column);
}

const memberRoleSchema = z.enum(MEMBER_ROLES);

export function toInvitation(row: Row): Invitation {
  return {
    id: text(row, 'id'),
    codeHash: text(row, 'code_hash'),
    cohortId: text(row, 'cohort_id'),
    role: memberRoleSchema.parse(text(row, 'role')),
    setId: nullableText(row, 'set_id'),
    coacheeId: nullableText(row, 'coachee_id'),
    displayName: text(row, 'display_name'),
    email: text(row, 'email'),
    createdBy: text(row, 'created_by'),
    createdAt: time(row, 'created_at'),
    expiresAt: time(row, 'expires_at'),
    usedAt: nullableTime(row, 'used_at'),
    usedBy: nullableText(row, 'used_by'),
    cancelledAt: nullableTime(row, 'cancelled_at'),
  };
}

export function toRevocation(row: Row): Revocation {
  return { table: syncTable(text(row, 'table_name')), id: text(row, 'id'), seq: int(row, 'seq') };
}

/** The audience a record is given: unique tokens; without one, its owner's token only. */
export function normaliseAudience(owner: string, audience: readonly string[] | undefined): string[] {
  return [...new Set(audience ?? [userToken(owner)])];
}

/** A top-level field name for a JSON path: letters, digits and _ only (never SQL text). */
export function jsonFieldPath(field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Not a field name: ${JSON.stringify(field)}`);
  return field;
}

/**
 * Tokens to revoke when a record is removed for good: every reader token it had, and at least
 * its owner's, so removing always leaves a revocation above the record's seq.
 */
export function revokedOnDelete(owner: string, audience: readonly string[]): string[] {
  const tokens = removedReaderTokens(audience, []);
  return tokens.length > 0 ? tokens : [userToken(owner)];
}

/** Tokens the record loses that someone may hold (index tokens are held by nobody). */
export function removedReaderTokens(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  return before.filter((token) => !kept.has(token) && !isIndexToken(token));
}

/** A map key for a record: "table/id" (table names have no "/", so keys of different records differ). */
export function recordKey(key: RecordKey): string {
  return `${key.table}/${key.id}`;
}

/** `keys` without repeats, in first-seen order. */
export function uniqueKeys<K extends RecordKey>(keys: readonly K[]): K[] {
  const seen = new Map<string, K>();
  for (const key of keys) if (!seen.has(recordKey(key))) seen.set(recordKey(key), key);
  return [...seen.values()];
}

/**
 * Tokens in UTF-16 code-unit order (a copy): the order revocations of one write take their
 * seqs in, on both adapters. Tokens are built from record and user ids (ASCII), where this is
 * also the databases' byte order (SQLite's BINARY, PostgreSQL's "C").
 */
export function sortedTokens(tokens: readonly string[]): string[] {
  return [...tokens].sort();
}
