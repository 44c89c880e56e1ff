// The Store on PostgreSQL (node-postgres Pool): several stateless server processes may share
// one database. Parameterised queries only; SQL text never contains a value.
import pg from 'pg';
import {
  asRow,
  bytes,
  checkPage,
  int,
  normaliseEmail,
  nullableText,
  rolesJson,
  text,
  toInvitation,
  toIso,
  toRevocation,
  toSession,
  toStoredRecord,
  toUser,
  TransactionScope,
} from './codec';
import { pendingMigrations } from './migrations';
import { one, PostgresTransaction, rows, scalar } from './postgresTransaction';
import type { SyncTableName } from '../../domain/sync/syncTables';
import {
  EmailTakenError,
  type Invitation,
  type OwnerActivity,
  type Session,
  type Store,
  type StoredRecord,
  type StoreTransaction,
  type User,
  type VisiblePage,
} from './Store';

export interface PostgresStoreOptions {
  /** Use this schema (via search_path) instead of the default; tests get a fresh one each. */
  schema?: string;
  /** Most connections one process opens. */
  maxConnections?: number;
  /** An idle pooled connection failed (e.g. the server restarted); default: console.error. */
  onIdleError?: (error: Error) => void;
}

// Advisory lock keys (two-int form: class, object). The class marks them as Setwise's; the
// object is derived from the schema so separate schemas in one database do not contend.
const LOCK_CLASS_WRITER = 0x5e7_0001;
const LOCK_CLASS_MIGRATION = 0x5e7_0002;
const LOCK_CLASS_LOGIN = 0x5e7_0003;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Store {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _.`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Fail a request rather than hang it when the database is unreachable or the pool is busy.
    connectionTimeoutMillis: 10_000,
    // A transaction callback that stalls would hold the writer lock and stop every writer in
    // every process; PostgreSQL ends such a session after a minute, releasing the lock.
    idle_in_transaction_session_timeout: 60_000,
    // A startup parameter, so every pooled connection has it before its first query. The
    // name is checked above, so it needs no quoting.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Without a listener an idle connection's error would crash the process.
  pool.on('error', options.onIdleError ?? ((error) => console.error('PostgreSQL connection error:', error)));
  return new PostgresStore(pool, lockObject(schema ?? ''));
}

/** 32-bit FNV-1a of the schema name, as a signed int4 for pg_advisory_*lock(int, int). */
function lockObject(schema: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(schema, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}

class PostgresStore implements Store {
  private readonly scope = new TransactionScope();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly lockObject: number,
  ) {}

  async migrate(targetVersion?: number): Promise<void> {
    this.scope.assertOutside('migrate');
    const client = await this.pool.connect();
    try {
      // A session-level lock held across all migrations: when several processes start at
      // once, one migrates and the others wait, then find nothing left to do. (Even CREATE
      // TABLE IF NOT EXISTS can fail when run concurrently, so that is under the lock too.)
      await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_CLASS_MIGRATION, this.lockObject]);
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
        const applied = new Map<number, string>();
        for (const row of await rows(client, 'SELECT version, name FROM schema_migrations')) {
          applied.set(int(row, 'version'), text(row, 'name'));
        }
        for (const migration of pendingMigrations(applied, targetVersion)) {
          await client.query('BEGIN');
          try {
            await client.query(migration.postgres);
            await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
              migration.version,
              migration.name,
            ]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS_MIGRATION, this.lockObject]);
      }
      client.release();
    } catch (error) {
      // The connection may be broken (or still hold the lock): never reuse it. Closing it
      // also releases a session lock that could not be released above.
      client.release(true);
      throw error;
    }
  }

  async epoch(): Promise<string> {
    this.scope.assertOutside('epoch');
    return text(asRow(await one(this.pool, "SELECT value FROM meta WHERE key = 'epoch'")), 'value');
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    this.scope.assertOutside('transaction');
    return this.inTransaction(async (client) => {
      // Take the writer lock FIRST, before any read or seq allocation, and hold it until
      // COMMIT/ROLLBACK. Writers are then serialised across every process, so seqs commit in
      // allocation order (the lock is released only after the commit is visible). That is the
      // fix for "a reader can never skip a change whose seq was allocated earlier but
      // committed later": without it, T1 could take seq 5, T2 seq 6, T2 commit, a reader pull
      // up to 6 and move its cursor past 5 before T1 commits — and never see 5.
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_CLASS_WRITER, this.lockObject]);
      const tx = new PostgresTransaction(client);
      try {
        return await this.scope.run(() => work(tx));
      } finally {
        tx.finished = true;
      }
    });
  }

  /** BEGIN … COMMIT on one pooled connection; ROLLBACK when `work` throws. */
  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true; // The connection is unusable; the pool must not hand it out again.
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async pullRecords(owner: string, after: number, limit: number): Promise<StoredRecord[]> {
    this.scope.assertOutside('pullRecords');
    checkPage(after, limit);
    const found = await rows(
      this.pool,
      'SELECT table_name, id, owner, doc, seq FROM records WHERE owner = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [owner, after, limit],
    );
    return found.map(toStoredRecord);
  }

  async pullVisible(tokens: readonly string[], after: number, limit: number): Promise<VisiblePage> {
    this.scope.assertOutside('pullVisible');
    checkPage(after, limit);
    const list = [...tokens];
    // Driven by the (token, seq) index: one range scan per token the reader holds.
    const records = await rows(
      this.pool,
      `SELECT DISTINCT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
       JOIN records r ON r.table_name = a.table_name AND r.id = a.id
       WHERE a.token = ANY($1::text[]) AND a.seq > $2 ORDER BY r.seq LIMIT $3`,
      [list, after, limit],
    );
    const revocations = await rows(
      this.pool,
      `SELECT v.table_name, v.id, MIN(v.seq) AS seq FROM revocations v
       WHERE v.token = ANY($1::text[]) AND v.seq > $2
         AND NOT EXISTS (SELECT 1 FROM record_audience a WHERE a.table_name = v.table_name AND a.id = v.id
                         AND a.token = ANY($1::text[]))
       GROUP BY v.table_name, v.id ORDER BY seq LIMIT $3`,
      [list, after, limit],
    );
    return { records: records.map(toStoredRecord), revocations: revocations.map(toRevocation) };
  }

  async audienceOf(table: SyncTableName, id: string): Promise<string[]> {
    this.scope.assertOutside('audienceOf');
    const found = await rows(this.pool, 'SELECT token FROM record_audience WHERE table_name = $1 AND id = $2 ORDER BY token', [table, id]);
    return found.map((row) => text(row, 'token'));
  }

  async findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]> {
    this.scope.assertOutside('findRecordsByToken');
    const found = await rows(
      this.pool,
      `SELECT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
       JOIN records r ON r.table_name = a.table_name AND r.id = a.id
       WHERE a.token = $1 AND ($2::text IS NULL OR a.table_name = $2) ORDER BY r.seq`,
      [token, table ?? null],
    );
    return found.map(toStoredRecord);
  }

  /** Highest committed seq (not the sequence's last value, which may be uncommitted). */
  async maxSeq(): Promise<number> {
    this.scope.assertOutside('maxSeq');
    return scalar(
      this.pool,
      'SELECT GREATEST((SELECT COALESCE(MAX(seq), 0) FROM records), (SELECT COALESCE(MAX(seq), 0) FROM revocations)) AS value',
    );
  }

  async ownerActivity(owners: readonly string[]): Promise<OwnerActivity[]> {
    this.scope.assertOutside('ownerActivity');
    const found = await rows(
      this.pool,
      `SELECT owner,
              COUNT(*) FILTER (WHERE table_name = 'logEntries' AND doc->>'deletedAt' IS NULL) AS entries,
              MAX(doc->>'updatedAt') AS last_active_at
       FROM records WHERE owner = ANY($1::text[]) GROUP BY owner`,
      [[...owners]],
    );
    return found.map((row) => ({ owner: text(row, 'owner'), entries: int(row, 'entries'), lastActiveAt: nullableText(row, 'last_active_at') }));
  }

  async createInvitation(invitation: Invitation): Promise<void> {
    this.scope.assertOutside('createInvitation');
    await this.pool.query(
      `INSERT INTO invitations (id, code_hash, cohort_id, role, set_id, coachee_id, display_name, email, created_by,
                                created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        invitation.id,
        invitation.codeHash,
        invitation.cohortId,
        invitation.role,
        invitation.setId,
        invitation.coacheeId,
        invitation.displayName,
        normaliseEmail(invitation.email),
        invitation.createdBy,
        toIso(invitation.createdAt),
        toIso(invitation.expiresAt),
      ],
    );
  }

  async findInvitationByCodeHash(codeHash: string): Promise<Invitation | undefined> {
    this.scope.assertOutside('findInvitationByCodeHash');
    const row = await one(this.pool, 'SELECT * FROM invitations WHERE code_hash = $1', [codeHash]);
    return row && toInvitation(row);
  }

  async findInvitation(id: string): Promise<Invitation | undefined> {
    this.scope.assertOutside('findInvitation');
    const row = await one(this.pool, 'SELECT * FROM invitations WHERE id = $1', [id]);
    return row && toInvitation(row);
  }

  async listInvitations(cohortId: string): Promise<Invitation[]> {
    this.scope.assertOutside('listInvitations');
    return (await rows(this.pool, 'SELECT * FROM invitations WHERE cohort_id = $1 ORDER BY created_at DESC', [cohortId])).map(toInvitation);
  }

  async cancelInvitation(id: string, at: Date): Promise<void> {
    this.scope.assertOutside('cancelInvitation');
    await this.pool.query('UPDATE invitations SET cancelled_at = $1 WHERE id = $2 AND used_at IS NULL AND cancelled_at IS NULL', [toIso(at), id]);
  }

  async putBlob(owner: string, sha256: string, data: Buffer, mimeType: string): Promise<void> {
    this.scope.assertOutside('putBlob');
    // Content-addressed: the same hash is the same bytes, so a second upload keeps the first.
    await this.pool.query(
      `INSERT INTO blobs (owner, sha256, mime_type, bytes, created_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (owner, sha256) DO NOTHING`,
      [owner, sha256, mimeType, data],
    );
  }

  async getBlob(owner: string, sha256: string): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    this.scope.assertOutside('getBlob');
    const row = await one(this.pool, 'SELECT mime_type, bytes FROM blobs WHERE owner = $1 AND sha256 = $2', [owner, sha256]);
    return row && { bytes: bytes(row, 'bytes'), mimeType: text(row, 'mime_type') };
  }

  async createUser(user: Omit<User, 'createdAt'>): Promise<User> {
    this.scope.assertOutside('createUser');
    const created: User = { ...user, email: normaliseEmail(user.email), roles: [...user.roles], createdAt: new Date().toISOString() };
    try {
      await this.pool.query(
        `INSERT INTO users (id, email, display_name, roles, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [created.id, created.email, created.displayName, rolesJson(created.roles), created.passwordHash, created.createdAt],
      );
    } catch (error) {
      if (isPgError(error, '23505') && error.constraint === 'users_email_key') throw new EmailTakenError(created.email);
      throw error;
    }
    return created;
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    this.scope.assertOutside('findUserByEmail');
    const row = await one(this.pool, 'SELECT * FROM users WHERE email = $1', [normaliseEmail(email)]);
    return row && toUser(row);
  }

  async findUserById(id: string): Promise<User | undefined> {
    this.scope.assertOutside('findUserById');
    const row = await one(this.pool, 'SELECT * FROM users WHERE id = $1', [id]);
    return row && toUser(row);
  }

  async countUsers(): Promise<number> {
    this.scope.assertOutside('countUsers');
    return scalar(this.pool, 'SELECT COUNT(*) AS value FROM users');
  }

  async createSession(session: Session): Promise<void> {
    this.scope.assertOutside('createSession');
    await this.pool.query(
      'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [session.idHash, session.userId, session.csrfToken, toIso(session.createdAt), toIso(session.expiresAt)],
    );
  }

  async findSession(idHash: string): Promise<Session | undefined> {
    this.scope.assertOutside('findSession');
    const row = await one(this.pool, 'SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
    return row && toSession(row);
  }

  async deleteSession(idHash: string): Promise<void> {
    this.scope.assertOutside('deleteSession');
    await this.pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
  }

  async recordLoginAttempt(key: string, at: Date, since: Date): Promise<number> {
    this.scope.assertOutside('recordLoginAttempt');
    const [atIso, sinceIso] = [toIso(at), toIso(since)];
    return this.inTransaction(async (client) => {
      // Attempts for one key are serialised by a lock on the key, and the count is a new
      // statement after the lock (READ COMMITTED: a fresh snapshot), so every attempt committed
      // before it is counted. Without that, parallel guesses could each see a low count and
      // get past the limit together.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS_LOGIN, key]);
      // Attempts before the window can never count again (callers use a fixed window per
      // key), so they are dropped here: the table stays small even under a long attack.
      await client.query('DELETE FROM login_attempts WHERE key = $1 AND attempted_at < $2', [key, sinceIso]);
      await client.query('INSERT INTO login_attempts (key, attempted_at) VALUES ($1, $2)', [key, atIso]);
      const sql = 'SELECT COUNT(*) AS value FROM login_attempts WHERE key = $1 AND attempted_at >= $2';
      return scalar(client, sql, [key, sinceIso]);
    });
  }

  async clearLoginAttempts(key: string): Promise<void> {
    this.scope.assertOutside('clearLoginAttempts');
    await this.pool.query('DELETE FROM login_attempts WHERE key = $1', [key]);
  }

  async close(): Promise<void> {
    // Idempotent, like the SQLite adapter (pg's Pool.end throws when called twice).
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
    this.scope.dispose();
  }
}

function isPgError(error: unknown, code: string): error is Error & { code: string; constraint?: string } {
  return error instanceof Error && 'code' in error && error.code === code;
}
