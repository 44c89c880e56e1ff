// The transaction object handed to SQLite Store.transaction callbacks. It runs while the
// adapter's mutex is held and BEGIN IMMEDIATE is open, so its statements need no locking.
import type Database from 'better-sqlite3';
import type { SyncTableName } from '../../domain/sync/syncTables';
import { asRow, assertOpen, encodeJson, int, toIso, toStoredRecord } from './codec';
import type { StoredRecord, StoreTransaction } from './Store';

export class SqliteTransaction implements StoreTransaction {
  finished = false;

  constructor(private readonly prepare: (sql: string) => Database.Statement) {}

  async getRecord(table: SyncTableName, id: string): Promise<StoredRecord | undefined> {
    assertOpen(this.finished);
    const raw = this.prepare('SELECT table_name, id, owner, doc, seq FROM records WHERE table_name = ? AND id = ?').get(table, id);
    return raw === undefined ? undefined : toStoredRecord(asRow(raw));
  }

  async putRecord(table: SyncTableName, id: string, owner: string, doc: Record<string, unknown>): Promise<number> {
    assertOpen(this.finished);
    const json = encodeJson(doc, `${table} ${id}`);
    // seq = highest committed seq + 1. Writers are serialised by the mutex, so this cannot
    // race; a rolled-back seq may be handed out again, which is fine as nobody saw it. A
    // replaced record's new seq is above its old one, so the maximum never goes down.
    const row = this.prepare(
      `INSERT INTO records (table_name, id, owner, doc, seq)
       VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM records))
       ON CONFLICT (table_name, id) DO UPDATE SET owner = excluded.owner, doc = excluded.doc, seq = excluded.seq
       RETURNING seq`,
    ).get(table, id, owner, json);
    return int(asRow(row), 'seq');
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
