// PostgreSQL query helpers and the transaction object handed to Store.transaction callbacks.
import type pg from 'pg';
import { INDEX_PREFIXES } from '../../domain/access/audienceTokens';
import type { SyncTableName } from '../../domain/sync/syncTables';
import {
  asRow,
  assertOpen,
  encodeJson,
  int,
  jsonFieldPath,
  normaliseAudience,
  revokedOnDelete,
  syncTable,
  text,
  toIso,
  toStoredRecord,
  type Row,
} from './codec';
import { readRecordsWithAudience, writeRecords } from './postgresRecordBatch';
import type { DeletedRecord, RecordKey, RecordWithAudience, RecordWrite, StoredRecord, StoreTransaction } from './Store';

type Queryable = pg.Pool | pg.PoolClient;

export async function rows(db: Queryable, sql: string, values: unknown[] = []): Promise<Row[]> {
  const result = await db.query<Record<string, unknown>>(sql, values);
  return result.rows;
}

export async function one(db: Queryable, sql: string, values: unknown[] = []): Promise<Row | undefined> {
  return (await rows(db, sql, values))[0];
}

export async function scalar(db: Queryable, sql: string, values: unknown[] = []): Promise<number> {
  return int(asRow(await one(db, sql, values)), 'value');
}

export class PostgresTransaction implements StoreTransaction {
  finished = false;

  constructor(private readonly client: pg.PoolClient) {}

  async getRecord(table: SyncTableName, id: string): Promise<StoredRecord | undefined> {
    assertOpen(this.finished);
    const row = await one(this.client, 'SELECT table_name, id, owner, doc, seq FROM records WHERE table_name = $1 AND id = $2', [
      table,
      id,
    ]);
    return row && toStoredRecord(row);
  }

  async putRecord(
    table: SyncTableName,
    id: string,
    owner: string,
    doc: Record<string, unknown>,
    audience?: readonly string[],
  ): Promise<number> {
    assertOpen(this.finished);
    const tokens = normaliseAudience(owner, audience);
    // One round trip for the record, its audience and its revocations (a push writes thousands
    // of records, and four statements each made a 10,000-record push 2.5 times slower):
    // - tokens the record keeps are upserted (their seq follows the record's);
    // - tokens it loses are deleted, and those a reader may hold become revocations.
    // The kept and lost rows are disjoint, so no row is touched twice in the statement.
    // nextval is called under the writer lock (see transaction()), so allocation order is
    // commit order. A rolled-back transaction leaves a gap in seqs; gaps are harmless.
    // Revocations take their seqs in token order (byte order, whatever the collation), as
    // putRecords and the SQLite adapter give them, so the adapters agree seq for seq.
    return scalar(
      this.client,
      `WITH rec AS (
         INSERT INTO records (table_name, id, owner, doc, seq) VALUES ($1, $2, $3, $4::jsonb, nextval('record_seq'))
         ON CONFLICT (table_name, id) DO UPDATE SET owner = EXCLUDED.owner, doc = EXCLUDED.doc, seq = EXCLUDED.seq
         RETURNING seq
       ), gone AS (
         DELETE FROM record_audience WHERE table_name = $1 AND id = $2 AND NOT (token = ANY($5::text[])) RETURNING token
       ), kept AS (
         INSERT INTO record_audience (token, table_name, id, seq) SELECT t, $1, $2, (SELECT seq FROM rec) FROM unnest($5::text[]) AS t
         ON CONFLICT (table_name, id, token) DO UPDATE SET seq = EXCLUDED.seq
       ), revoked AS (
         INSERT INTO revocations (seq, table_name, id, token)
         SELECT nextval('record_seq'), $1, $2, token
         FROM (SELECT token FROM gone WHERE NOT (token LIKE ANY($6::text[])) ORDER BY token COLLATE "C") AS lost
       )
       SELECT seq AS value FROM rec`,
      [table, id, owner, encodeJson(doc, `${table} ${id}`), tokens, INDEX_PREFIXES.map((prefix) => `${prefix}%`)],
    );
  }

  async putRecords(writes: readonly RecordWrite[]): Promise<number[]> {
    assertOpen(this.finished);
    // One write (a push of one record, the usual case): putRecord is the same in one round
    // trip, working out revocations in SQL, where writeRecords reads the audiences first.
    const [only] = writes;
    if (only && writes.length === 1) return [await this.putRecord(only.table, only.id, only.owner, only.doc, only.audience)];
    return writeRecords(this.client, writes);
  }

  async getRecordsWithAudience(keys: readonly RecordKey[]): Promise<RecordWithAudience[]> {
    assertOpen(this.finished);
    return readRecordsWithAudience(this.client, keys);
  }

  async getAudience(table: SyncTableName, id: string): Promise<string[]> {
    assertOpen(this.finished);
    const found = await rows(this.client, 'SELECT token FROM record_audience WHERE table_name = $1 AND id = $2 ORDER BY token', [table, id]);
    return found.map((row) => text(row, 'token'));
  }

  async findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]> {
    assertOpen(this.finished);
    const found = await rows(
      this.client,
      `SELECT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
       JOIN records r ON r.table_name = a.table_name AND r.id = a.id
       WHERE a.token = $1 AND ($2::text IS NULL OR a.table_name = $2) ORDER BY r.seq`,
      [token, table ?? null],
    );
    return found.map(toStoredRecord);
  }

  async findRecordsByField(table: SyncTableName, field: string, value: string): Promise<StoredRecord[]> {
    assertOpen(this.finished);
    const found = await rows(this.client, 'SELECT table_name, id, owner, doc, seq FROM records WHERE table_name = $1 AND doc->>$2 = $3 ORDER BY seq', [
      table,
      jsonFieldPath(field),
      value,
    ]);
    return found.map(toStoredRecord);
  }

  async claimInvitation(id: string, userId: string, at: Date): Promise<boolean> {
    assertOpen(this.finished);
    const result = await this.client.query(
      `UPDATE invitations SET used_at = $1, used_by = $2
       WHERE id = $3 AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > $1`,
      [toIso(at), userId, id],
    );
    return result.rowCount === 1;
  }

  async hasBatch(userId: string, batchId: string): Promise<boolean> {
    assertOpen(this.finished);
    const row = await one(this.client, 'SELECT 1 FROM applied_batches WHERE user_id = $1 AND batch_id = $2', [userId, batchId]);
    return row !== undefined;
  }

  async recordBatch(userId: string, batchId: string, appliedAt: Date): Promise<void> {
    assertOpen(this.finished);
    await this.client.query('INSERT INTO applied_batches (user_id, batch_id, applied_at) VALUES ($1, $2, $3)', [
      userId,
      batchId,
      toIso(appliedAt),
    ]);
  }

  async deleteOwnedRecords(owner: string, tables: readonly SyncTableName[]): Promise<DeletedRecord[]> {
    assertOpen(this.finished);
    const found = await rows(this.client, 'SELECT table_name, id FROM records WHERE owner = $1 AND table_name = ANY($2::text[]) ORDER BY seq', [
      owner,
      [...tables],
    ]);
    const tokens = await rows(
      this.client,
      `SELECT a.table_name, a.id, a.token FROM record_audience a
       JOIN records r ON r.table_name = a.table_name AND r.id = a.id
       WHERE r.owner = $1 AND r.table_name = ANY($2::text[]) ORDER BY a.token`,
      [owner, [...tables]],
    );
    const audiences = new Map<string, string[]>();
    for (const row of tokens) {
      const key = `${text(row, 'table_name')}/${text(row, 'id')}`;
      audiences.set(key, [...(audiences.get(key) ?? []), text(row, 'token')]);
    }
    const deleted = found.map((row): DeletedRecord => {
      const table = syncTable(text(row, 'table_name'));
      const id = text(row, 'id');
      return { table, id, owner, audience: audiences.get(`${table}/${id}`) ?? [] };
    });
    await this.removeAll(deleted);
    return deleted;
  }

  async deleteRecord(table: SyncTableName, id: string): Promise<DeletedRecord | undefined> {
    assertOpen(this.finished);
    const row = await one(this.client, 'SELECT owner FROM records WHERE table_name = $1 AND id = $2', [table, id]);
    if (!row) return undefined;
    const deleted: DeletedRecord = { table, id, owner: text(row, 'owner'), audience: await this.getAudience(table, id) };
    await this.removeAll([deleted]);
    return deleted;
  }

  /** Revocations (seqs from the sequence, so above every record's), then audiences and records, in a few statements. */
  private async removeAll(deleted: readonly DeletedRecord[]): Promise<void> {
    if (deleted.length === 0) return;
    const revoked = deleted.flatMap((record) => revokedOnDelete(record.owner, record.audience).map((token) => [record.table, record.id, token] as const));
    await this.client.query(
      `INSERT INTO revocations (seq, table_name, id, token)
       SELECT nextval('record_seq'), t.table_name, t.id, t.token FROM unnest($1::text[], $2::text[], $3::text[]) AS t(table_name, id, token)`,
      [revoked.map((r) => r[0]), revoked.map((r) => r[1]), revoked.map((r) => r[2])],
    );
    const tables = deleted.map((record) => record.table);
    const ids = deleted.map((record) => record.id);
    await this.client.query(
      `DELETE FROM record_audience a USING unnest($1::text[], $2::text[]) AS d(table_name, id)
       WHERE a.table_name = d.table_name AND a.id = d.id`,
      [tables, ids],
    );
    await this.client.query(
      `DELETE FROM records r USING unnest($1::text[], $2::text[]) AS d(table_name, id)
       WHERE r.table_name = d.table_name AND r.id = d.id`,
      [tables, ids],
    );
  }

  async deleteUser(userId: string, formerName: string): Promise<boolean> {
    assertOpen(this.finished);
    await this.client.query('DELETE FROM blobs WHERE owner = $1', [userId]);
    await this.client.query('DELETE FROM applied_batches WHERE user_id = $1', [userId]);
    await this.client.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
    await this.client.query("UPDATE invitations SET display_name = $1, email = '' WHERE used_by = $2", [formerName, userId]);
    const result = await this.client.query('DELETE FROM users WHERE id = $1', [userId]);
    return result.rowCount === 1;
  }
}
