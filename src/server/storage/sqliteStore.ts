// The default Store: one SQLite file, used by one server process (better-sqlite3).
//
// better-sqlite3 is synchronous but the Store API is async, and a transaction callback awaits
// between its calls. Without care another request's query would run inside that open
// transaction (one connection is shared) and commit or roll back with it. So EVERY operation,
// reads included, goes through one async mutex: while a transaction is open nothing else
// touches the connection. That also serialises writers, which is what keeps seqs visible in
// allocation order.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  asRow,
  bytes,
  checkPage,
  int,
  normaliseEmail,
  nullableText,
  rolesJson,
  text,
  toIso,
  toRevocation,
  toSession,
  toStoredRecord,
  toUser,
  TransactionScope,
} from './codec';
import { pendingMigrations } from './migrations';
import { insertInvitation, markInvitationCancelled, selectCohortInvitations, selectInvitation } from './sqliteInvitations';
import { SqliteTransaction } from './sqliteTransaction';
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

/** Runs tasks one at a time, in call order; a failing task does not block the next. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export function openSqliteStore(filePath: string): Store {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  // Another process holding the write lock (e.g. the admin CLI) is waited for, not an error.
  db.pragma('busy_timeout = 5000');
  // WAL: readers of other processes (backups, the admin CLI) do not block the writer.
  db.pragma('journal_mode = WAL');
  // With WAL, synchronous=NORMAL may lose the last commits on power loss; an acknowledged
  // sync push must survive that, so FULL: every commit is fsynced before it returns.
  db.pragma('synchronous = FULL');
  // sessions.user_id references users; SQLite enforces that only when asked, per connection.
  db.pragma('foreign_keys = ON');
  // Durability must not depend on a pragma silently not taking (e.g. WAL refused by the
  // filesystem): check what SQLite reports and refuse to start otherwise.
  const mode = db.pragma('journal_mode', { simple: true });
  const synchronous = db.pragma('synchronous', { simple: true });
  if (mode !== 'wal' || synchronous !== 2) {
    db.close();
    throw new Error(
      `SQLite at ${filePath} runs with journal_mode=${String(mode)}, synchronous=${String(synchronous)}; ` +
        'Setwise needs journal_mode=wal and synchronous=FULL (2) so no acknowledged write is lost.',
    );
  }
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  private readonly mutex = new Mutex();
  private readonly scope = new TransactionScope();
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(private readonly db: Database.Database) {}

  /** Prepared once per SQL text (after migrations, since preparing needs the tables). */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * A plain (non-transaction) operation: outside any transaction callback, serialised. Async
   * so every mistake (including bad arguments checked in `task`) rejects, never throws.
   */
  private async op<T>(method: string, task: () => T): Promise<T> {
    this.scope.assertOutside(method);
    return this.mutex.run(() => {
      if (this.closed) throw new Error('The store is closed.');
      return task();
    });
  }

  migrate(targetVersion?: number): Promise<void> {
    return this.op('migrate', () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
      // One process per file, but BEGIN IMMEDIATE takes the write lock before reading what
      // is applied, so even a second process (admin CLI) cannot run the same migration twice.
      for (;;) {
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const applied = new Map<number, string>();
          for (const raw of this.db.prepare('SELECT version, name FROM schema_migrations').all()) {
            const row = asRow(raw);
            applied.set(int(row, 'version'), text(row, 'name'));
          }
          const next = pendingMigrations(applied, targetVersion)[0];
          if (!next) {
            this.db.exec('COMMIT');
            return;
          }
          this.db.exec(next.sqlite);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(next.version, next.name, new Date().toISOString());
          this.db.exec('COMMIT');
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw error;
        }
      }
    });
  }

  epoch(): Promise<string> {
    return this.op('epoch', () => text(asRow(this.prepare("SELECT value FROM meta WHERE key = 'epoch'").get()), 'value'));
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    this.scope.assertOutside('transaction');
    return this.mutex.run(async () => {
      if (this.closed) throw new Error('The store is closed.');
      // IMMEDIATE takes the write lock now, so the transaction cannot fail half way with
      // SQLITE_BUSY when it first writes.
      this.db.exec('BEGIN IMMEDIATE');
      const tx = new SqliteTransaction(this.prepare.bind(this));
      try {
        const result = await this.scope.run(() => work(tx));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      } finally {
        tx.finished = true;
      }
    });
  }

  pullRecords(owner: string, after: number, limit: number): Promise<StoredRecord[]> {
    return this.op('pullRecords', () => {
      checkPage(after, limit);
      return this.prepare(
        'SELECT table_name, id, owner, doc, seq FROM records WHERE owner = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
        .all(owner, after, limit)
        .map((raw) => toStoredRecord(asRow(raw)));
    });
  }

  pullVisible(tokens: readonly string[], after: number, limit: number): Promise<VisiblePage> {
    return this.op('pullVisible', () => {
      checkPage(after, limit);
      const tokenJson = JSON.stringify(tokens);
      // Driven by the (token, seq) index: one range scan per token the reader holds.
      const records = this.prepare(
        `SELECT DISTINCT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
         JOIN records r ON r.table_name = a.table_name AND r.id = a.id
         WHERE a.token IN (SELECT value FROM json_each(?)) AND a.seq > ?
         ORDER BY r.seq LIMIT ?`,
      )
        .all(tokenJson, after, limit)
        .map((raw) => toStoredRecord(asRow(raw)));
      const revocations = this.prepare(
        `SELECT v.table_name, v.id, MIN(v.seq) AS seq FROM revocations v
         WHERE v.token IN (SELECT value FROM json_each(?)) AND v.seq > ?
           AND NOT EXISTS (SELECT 1 FROM record_audience a WHERE a.table_name = v.table_name AND a.id = v.id
                           AND a.token IN (SELECT value FROM json_each(?)))
         GROUP BY v.table_name, v.id ORDER BY seq LIMIT ?`,
      )
        .all(tokenJson, after, tokenJson, limit)
        .map((raw) => toRevocation(asRow(raw)));
      return { records, revocations };
    });
  }

  audienceOf(table: SyncTableName, id: string): Promise<string[]> {
    return this.op('audienceOf', () =>
      this.prepare('SELECT token FROM record_audience WHERE table_name = ? AND id = ? ORDER BY token')
        .all(table, id)
        .map((raw) => text(asRow(raw), 'token')),
    );
  }

  findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]> {
    return this.op('findRecordsByToken', () =>
      this.prepare(
        `SELECT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
         JOIN records r ON r.table_name = a.table_name AND r.id = a.id
         WHERE a.token = ? AND (? IS NULL OR a.table_name = ?) ORDER BY r.seq`,
      )
        .all(token, table ?? null, table ?? null)
        .map((raw) => toStoredRecord(asRow(raw))),
    );
  }

  maxSeq(): Promise<number> {
    return this.op('maxSeq', () =>
      int(
        asRow(
          this.prepare(
            'SELECT MAX(COALESCE((SELECT MAX(seq) FROM records), 0), COALESCE((SELECT MAX(seq) FROM revocations), 0)) AS seq',
          ).get(),
        ),
        'seq',
      ),
    );
  }

  ownerActivity(owners: readonly string[]): Promise<OwnerActivity[]> {
    return this.op('ownerActivity', () =>
      this.prepare(
        `SELECT owner,
                SUM(CASE WHEN table_name = 'logEntries' AND json_extract(doc, '$.deletedAt') IS NULL THEN 1 ELSE 0 END) AS entries,
                MAX(json_extract(doc, '$.updatedAt')) AS last_active_at
         FROM records WHERE owner IN (SELECT value FROM json_each(?)) GROUP BY owner`,
      )
        .all(JSON.stringify(owners))
        .map((raw) => {
          const row = asRow(raw);
          return { owner: text(row, 'owner'), entries: int(row, 'entries'), lastActiveAt: nullableText(row, 'last_active_at') };
        }),
    );
  }

  createInvitation(invitation: Invitation): Promise<void> {
    return this.op('createInvitation', () => insertInvitation(this.prepare.bind(this), invitation));
  }

  findInvitationByCodeHash(codeHash: string): Promise<Invitation | undefined> {
    return this.op('findInvitationByCodeHash', () => selectInvitation(this.prepare.bind(this), 'code_hash', codeHash));
  }

  findInvitation(id: string): Promise<Invitation | undefined> {
    return this.op('findInvitation', () => selectInvitation(this.prepare.bind(this), 'id', id));
  }

  listInvitations(cohortId: string): Promise<Invitation[]> {
    return this.op('listInvitations', () => selectCohortInvitations(this.prepare.bind(this), cohortId));
  }

  cancelInvitation(id: string, at: Date): Promise<void> {
    return this.op('cancelInvitation', () => markInvitationCancelled(this.prepare.bind(this), id, at));
  }

  putBlob(owner: string, sha256: string, data: Buffer, mimeType: string): Promise<void> {
    return this.op('putBlob', () => {
      // Content-addressed: the same hash is the same bytes, so a second upload keeps the first.
      this.prepare(
        `INSERT INTO blobs (owner, sha256, mime_type, bytes, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (owner, sha256) DO NOTHING`,
      ).run(owner, sha256, mimeType, data, new Date().toISOString());
    });
  }

  getBlob(owner: string, sha256: string): Promise<{ bytes: Buffer; mimeType: string } | undefined> {
    return this.op('getBlob', () => {
      const raw = this.prepare('SELECT mime_type, bytes FROM blobs WHERE owner = ? AND sha256 = ?').get(owner, sha256);
      if (raw === undefined) return undefined;
      const row = asRow(raw);
      return { bytes: bytes(row, 'bytes'), mimeType: text(row, 'mime_type') };
    });
  }

  createUser(user: Omit<User, 'createdAt'>): Promise<User> {
    return this.op('createUser', () => {
      const created: User = { ...user, email: normaliseEmail(user.email), roles: [...user.roles], createdAt: new Date().toISOString() };
      const roles = rolesJson(created.roles);
      try {
        this.prepare(
          `INSERT INTO users (id, email, display_name, roles, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(created.id, created.email, created.displayName, roles, created.passwordHash, created.createdAt);
      } catch (error) {
        if (isSqliteError(error, 'SQLITE_CONSTRAINT_UNIQUE') && error.message.includes('users.email')) {
          throw new EmailTakenError(created.email);
        }
        throw error;
      }
      return created;
    });
  }

  findUserByEmail(email: string): Promise<User | undefined> {
    return this.op('findUserByEmail', () => this.oneUser('SELECT * FROM users WHERE email = ?', normaliseEmail(email)));
  }

  findUserById(id: string): Promise<User | undefined> {
    return this.op('findUserById', () => this.oneUser('SELECT * FROM users WHERE id = ?', id));
  }

  private oneUser(sql: string, value: string): User | undefined {
    const raw = this.prepare(sql).get(value);
    return raw === undefined ? undefined : toUser(asRow(raw));
  }

  countUsers(): Promise<number> {
    return this.op('countUsers', () => int(asRow(this.prepare('SELECT COUNT(*) AS n FROM users').get()), 'n'));
  }

  createSession(session: Session): Promise<void> {
    return this.op('createSession', () => {
      this.prepare(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ).run(session.idHash, session.userId, session.csrfToken, toIso(session.createdAt), toIso(session.expiresAt));
    });
  }

  findSession(idHash: string): Promise<Session | undefined> {
    return this.op('findSession', () => {
      const raw = this.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash);
      return raw === undefined ? undefined : toSession(asRow(raw));
    });
  }

  deleteSession(idHash: string): Promise<void> {
    return this.op('deleteSession', () => {
      this.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    });
  }

  recordLoginAttempt(key: string, at: Date, since: Date): Promise<number> {
    return this.op('recordLoginAttempt', () => {
      const [atIso, sinceIso] = [toIso(at), toIso(since)];
      // One transaction: atomic, and one fsync instead of three.
      return this.db.transaction(() => {
        // Attempts before the window can never count again (callers use a fixed window per
        // key), so they are dropped here: the table stays small even under a long attack.
        this.prepare('DELETE FROM login_attempts WHERE key = ? AND attempted_at < ?').run(key, sinceIso);
        this.prepare('INSERT INTO login_attempts (key, attempted_at) VALUES (?, ?)').run(key, atIso);
        const sql = 'SELECT COUNT(*) AS n FROM login_attempts WHERE key = ? AND attempted_at >= ?';
        return int(asRow(this.prepare(sql).get(key, sinceIso)), 'n');
      }).immediate();
    });
  }

  clearLoginAttempts(key: string): Promise<void> {
    return this.op('clearLoginAttempts', () => {
      this.prepare('DELETE FROM login_attempts WHERE key = ?').run(key);
    });
  }

  close(): Promise<void> {
    // Queued behind every operation already started, so none is cut off.
    return this.mutex.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.db.close();
      this.scope.dispose();
    });
  }
}

function isSqliteError(error: unknown, code: string): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && error.code === code;
}
