// The transaction object handed to SQLite Store.transaction callbacks. It runs while the
// adapter's mutex is held and BEGIN IMMEDIATE is open, so its statements need no locking.
import type Database from 'better-sqlite3';
import type { SyncTableName } from '../../domain/sync/syncTables';
import {
  asRow,
  assertOpen,
  encodeJson,
  int,
  jsonFieldPath,
  normaliseAudience,
  removedReaderTokens,
  revokedOnDelete,
  sortedTokens,
  syncTable,
  text,
  toIso,
  toStoredRecord,
  uniqueKeys,
} from './codec';
import type { DeletedRecord, RecordKey, RecordWithAudience, RecordWrite, StoredRecord, StoreTransaction } from './Store';

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

  /** SQLite is in-process, so there are no round trips to save: one putRecord after another is the contract itself. */
  async putRecords(writes: readonly RecordWrite[]): Promise<number[]> {
    assertOpen(this.finished);
    const seqs: number[] = [];
    for (const write of writes) seqs.push(await this.putRecord(write.table, write.id, write.owner, write.doc, write.audience));
    return seqs;
  }

  async getRecordsWithAudience(keys: readonly RecordKey[]): Promise<RecordWithAudience[]> {
    assertOpen(this.finished);
    const found: RecordWithAudience[] = [];
    for (const key of uniqueKeys(keys)) {
      const record = await this.getRecord(key.table, key.id);
      if (record) found.push({ ...record, audience: sortedTokens(await this.getAudience(key.table, key.id)) });
    }
    return found;
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

  async findRecordsByField(table: SyncTableName, field: string, value: string): Promise<StoredRecord[]> {
    assertOpen(this.finished);
    return this.prepare('SELECT table_name, id, owner, doc, seq FROM records WHERE table_name = ? AND json_extract(doc, ?) = ? ORDER BY seq')
      .all(table, `$.${jsonFieldPath(field)}`, value)
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

  async deleteOwnedRecords(owner: string, tables: readonly SyncTableName[]): Promise<DeletedRecord[]> {
    assertOpen(this.finished);
    const found = this.prepare(
      'SELECT table_name, id FROM records WHERE owner = ? AND table_name IN (SELECT value FROM json_each(?)) ORDER BY seq',
    ).all(owner, JSON.stringify(tables));
    return found.map((raw) => {
      const row = asRow(raw);
      return this.remove(syncTable(text(row, 'table_name')), text(row, 'id'), owner);
    });
  }

  async deleteRecord(table: SyncTableName, id: string): Promise<DeletedRecord | undefined> {
    assertOpen(this.finished);
    const raw = this.prepare('SELECT owner FROM records WHERE table_name = ? AND id = ?').get(table, id);
    return raw === undefined ? undefined : this.remove(table, id, text(asRow(raw), 'owner'));
  }

  /** Revocations first, so their seqs are above the record's (a removed top seq is never handed out again). */
  private remove(table: SyncTableName, id: string, owner: string): DeletedRecord {
    const audience = this.prepare('SELECT token FROM record_audience WHERE table_name = ? AND id = ? ORDER BY token')
      .all(table, id)
      .map((raw) => text(asRow(raw), 'token'));
    const revoke = this.prepare('INSERT INTO revocations (seq, table_name, id, token) VALUES (?, ?, ?, ?)');
    for (const token of revokedOnDelete(owner, audience)) revoke.run(this.nextSeq(), table, id, token);
    this.prepare('DELETE FROM record_audience WHERE table_name = ? AND id = ?').run(table, id);
    this.prepare('DELETE FROM records WHERE table_name = ? AND id = ?').run(table, id);
    return { table, id, owner, audience };
  }

  async deleteUser(userId: string, formerName: string): Promise<boolean> {
    assertOpen(this.finished);
    this.prepare('DELETE FROM blobs WHERE owner = ?').run(userId);
    this.prepare('DELETE FROM applied_batches WHERE user_id = ?').run(userId);
    this.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    this.prepare("UPDATE invitations SET display_name = ?, email = '' WHERE used_by = ?").run(formerName, userId);
    return this.prepare('DELETE FROM users WHERE id = ?').run(userId).changes === 1;
  }
}
