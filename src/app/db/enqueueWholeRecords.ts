import { newId } from '../../domain/ids';
import { LOCAL_OWNER, type SyncedRecord } from '../../domain/syncedRecord';
import { SYNCED_TABLES, type SetwiseDatabase } from './SetwiseDatabase';
import { wholeRecordChange } from './wholeRecordChange';

/**
 * Puts every record on this device into the outbox in full: every stamped field with its own
 * stamp. Used when the server lost what it had acknowledged (reset or restored from an older
 * backup) and when records written before sign-in are adopted by an account. Pushing a record
 * the server already has changes nothing there (the merge is idempotent), so this is safe to
 * repeat. Unsent rows of a record are replaced: the whole-record row holds their changes too,
 * because a record's clocks always hold the stamp of each field's latest value.
 * `onlyOwnedBy`: when known, only that person's records (and those not yet adopted) are queued.
 * Must run in a transaction over the synced tables and the outbox.
 */
export async function enqueueWholeRecords(db: SetwiseDatabase, now: Date, onlyOwnedBy?: string): Promise<number> {
  let count = 0;
  for (const table of SYNCED_TABLES) {
    const records = (await db.table(table).toArray()) as SyncedRecord[];
    for (const record of records) {
      // Others' records (a set's meeting notes) are theirs to restore; pushing them would be refused.
      if (onlyOwnedBy !== undefined && record.owner !== onlyOwnedBy && record.owner !== LOCAL_OWNER) continue;
      const change = wholeRecordChange(record);
      if (!change) continue;
      const unsent = (await db.outbox.where('recordId').equals(record.id).toArray()).filter((row) => !row.pushStartedAt);
      await db.outbox.bulkDelete(unsent.map((row) => row.seq as number));
      await db.outbox.add({ mutationId: newId(), table, recordId: record.id, ...change, createdAt: now.toISOString() });
      count += 1;
    }
  }
  return count;
}
