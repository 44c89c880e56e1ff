// The transaction object handed to SQLite Store.transaction callbacks. It runs while the
// adapter's mutex is held and BEGIN IMMEDIATE is open, so its statements need no locking.
import type Database from 'better-sqlite3';
import type { SyncTableName } from '../../domain/sync/syncTables';
import { asRow, assertOpen, encodeJson, int, normaliseAudience, removedReaderTokens, text, toIso, toStoredRecord } from './codec';
import type { StoredRecord, StoreTransaction } from './Store';

export class SqliteTransaction implements StoreTransaction {
  finished = false;

  constructor(private readonly prepare: (sql: string) => Database.Statement) {}

  async getRecord(table: SyncTableName, id: string): Promise<StoredRecord | undefined> {
    assertOpen(this.finished);
    const raw = this.prepare('SELECT table_name, id, owner, doc, seq FROM records WHERE table_name = ? AND id = ?').get(table, id);
    return raw === undefined ? undefined : toStoredRecord(asRow(raw));
  }

  /**
   * seq = highest committed seq (records or revocations) + 1. Writers are serialised by the
   * mutex, so this cannot race; a rolled-back seq may be handed out again, which is fine as
   * nobody saw it. A replaced record's new seq is above its old one, so the maximum never
   * goes down.
   */
  private nextSeq(): number {
    const row = this.prepare(
      `SELECT MAX(COALESCE((SELECT MAX(seq) FROM records), 0), COALESCE((SELECT MAX(seq) FROM revocations), 0)) + 1 AS seq`,
    ).get();
    return int(asRow(row), 'seq');
  }

  async putRecord(
    table: SyncTableName,
    id: string,
    owner: string,
    doc: Record<string, unknown>,
    audience?: readonly string[],
  ): Promise<number> {
    assertOpen(this.finished);
    const json = encodeJson(doc, `${table} ${id}`);
    const tokens = normaliseAudience(owner, audience);
    const before = await this.getAudience(table, id);
    const seq = this.nextSeq();
    this.prepare(
      `INSERT INTO records (table_name, id, owner, doc, seq) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (table_name, id) DO UPDATE SET owner = excluded.owner, doc = excluded.doc, seq = excluded.seq`,
    ).run(table, id, owner, json, seq);
    this.prepare('DELETE FROM record_audience WHERE table_name = ? AND id = ?').run(table, id);
    const insert = this.prepare('INSERT INTO record_audience (token, table_name, id, seq) VALUES (?, ?, ?, ?)');
    for (const token of tokens) insert.run(token, table, id, seq);
    const revoke = this.prepare('INSERT INTO revocations (seq, table_name, id, token) VALUES (?, ?, ?, ?)');
    for (const token of removedReaderTokens(before, tokens)) revoke.run(this.nextSeq(), table, id, token);
    return seq;
  }

  async getAudience(table: SyncTableName, id: string): Promise<string[]> {
    assertOpen(this.finished);
    return this.prepare('SELECT token FROM record_audience WHERE table_name = ? AND id = ? ORDER BY token')
      .all(table, id)
      .map((raw) => text(asRow(raw), 'token'));
  }

  async findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]> {
    assertOpen(this.finished);
    return this.prepare(
      `SELECT r.table_name, r.id, r.owner, r.doc, r.seq FROM record_audience a
       JOIN records r ON r.table_name = a.table_name AND r.id = a.id
       WHERE a.token = ? AND (? IS NULL OR a.table_name = ?) ORDER BY r.seq`,
    )
      .all(token, table ?? null, table ?? null)
      .map((raw) => toStoredRecord(asRow(raw)));
  }

  async claimInvitation(id: string, userId: string, at: Date): Promise<boolean> {
    assertOpen(this.finished);
    const iso = toIso(at);
    const result = this.prepare(
      `UPDATE invitations SET used_at = ?, used_by = ?
       WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > ?`,
    ).run(iso, userId, id, iso);
    return result.changes === 1;
  }

  async hasBatch(userId: string, batchId: string): Promise<boolean> {
    assertOpen(this.finished);
    return this.prepare('SELECT 1 FROM applied_batches WHERE user_id = ? AND batch_id = ?').get(userId, batchId) !== undefined;
  }

  async recordBatch(userId: string, batchId: string, appliedAt: Date): Promise<void> {
    assertOpen(this.finished);
    this.prepare('INSERT INTO applied_batches (user_id, batch_id, applied_at) VALUES (?, ?, ?)').run(userId, batchId, toIso(appliedAt));
  }
}
