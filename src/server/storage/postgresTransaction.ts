// PostgreSQL query helpers and the transaction object handed to Store.transaction callbacks.
import type pg from 'pg';
import type { SyncTableName } from '../../domain/sync/syncTables';
import { asRow, assertOpen, encodeJson, int, normaliseAudience, removedReaderTokens, text, toIso, toStoredRecord, type Row } from './codec';
import type { StoredRecord, StoreTransaction } from './Store';

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
    const before = await this.getAudience(table, id);
    // nextval is called under the writer lock (see transaction()), so allocation order is
    // commit order. A rolled-back transaction leaves a gap in seqs; gaps are harmless.
    const seq = await scalar(
      this.client,
      `INSERT INTO records (table_name, id, owner, doc, seq) VALUES ($1, $2, $3, $4::jsonb, nextval('record_seq'))
       ON CONFLICT (table_name, id) DO UPDATE SET owner = EXCLUDED.owner, doc = EXCLUDED.doc, seq = EXCLUDED.seq
       RETURNING seq AS value`,
      [table, id, owner, encodeJson(doc, `${table} ${id}`)],
    );
    await this.client.query('DELETE FROM record_audience WHERE table_name = $1 AND id = $2', [table, id]);
    await this.client.query(
      'INSERT INTO record_audience (token, table_name, id, seq) SELECT unnest($1::text[]), $2, $3, $4',
      [tokens, table, id, seq],
    );
    const removed = removedReaderTokens(before, tokens);
    if (removed.length > 0) {
      await this.client.query(
        `INSERT INTO revocations (seq, table_name, id, token) SELECT nextval('record_seq'), $1, $2, t FROM unnest($3::text[]) AS t`,
        [table, id, removed],
      );
    }
    return seq;
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
}
