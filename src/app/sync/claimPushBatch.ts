import { newId } from '../../domain/ids';
import type { OutboxRow } from '../db/rows';
import type { SetwiseDatabase } from '../db/SetwiseDatabase';

/** Keep a batch well under the server's body limit even with long reflections. */
export const MAX_BATCH_ROWS = 200;
export const MAX_BATCH_BYTES = 512 * 1024;

export interface PushBatch {
  readonly batchId: string;
  readonly rows: readonly OutboxRow[];
}

/**
 * The next batch to push. A batch sent before but never acknowledged is sent again exactly
 * (same id, same rows), so the server can recognise the retry. Otherwise the oldest unsent
 * rows are claimed — stamped with a batch id and `pushStartedAt` in one transaction, which
 * also stops later writes from folding into them.
 */
export async function claimPushBatch(db: SetwiseDatabase, now: Date): Promise<PushBatch | null> {
  return db.transaction('rw', db.outbox, async () => {
    // Only the oldest rows are read: batches are claimed oldest first and pushed one at a time,
    // so a claimed batch, if any, is always at the head of the outbox.
    const head = await db.outbox.orderBy('seq').limit(MAX_BATCH_ROWS).toArray();
    const retryId = head[0]?.pushBatchId;
    if (retryId) return { batchId: retryId, rows: head.filter((row) => row.pushBatchId === retryId) };
    const rows: OutboxRow[] = [];
    let bytes = 0;
    for (const row of head) {
      if (row.pushBatchId) break;
      const size = JSON.stringify(row.fields).length;
      if (rows.length > 0 && (rows.length >= MAX_BATCH_ROWS || bytes + size > MAX_BATCH_BYTES)) break;
      rows.push(row);
      bytes += size;
    }
    if (rows.length === 0) return null;
    const batchId = newId();
    const pushStartedAt = now.toISOString();
    const claimed = rows.map((row) => ({ ...row, pushBatchId: batchId, pushStartedAt }));
    await db.outbox.bulkPut(claimed);
    return { batchId, rows: claimed };
  });
}
