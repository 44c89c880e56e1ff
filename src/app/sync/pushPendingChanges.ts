import type { Mutation } from '../../domain/sync/protocol';
import { observeRemoteClock } from '../db/deviceClock';
import type { OutboxRow } from '../db/rows';
import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import { claimPushBatch } from './claimPushBatch';
import { EpochChangedError, SERVER_EPOCH_KEY } from './pullRemoteChanges';
import { rowClocks } from './rebaseRecord';
import { RESYNC_VISIBLE_KEY } from './resyncVisibleRecords';
import type { SyncApi } from './createSyncApi';

/** The batch's rows as mutations; each carries its record's creation time (kept by the server for new records). */
async function toMutations(db: SetwiseDatabase, rows: readonly OutboxRow[]): Promise<Mutation[]> {
  const createdAt = new Map<string, unknown>();
  for (const table of new Set(rows.map((row) => row.table))) {
    const ids = rows.filter((row) => row.table === table).map((row) => row.recordId);
    const records = (await db.table(table).bulkGet(ids)) as ({ id: string; createdAt?: unknown } | undefined)[];
    for (const record of records) if (record) createdAt.set(`${table}/${record.id}`, record.createdAt);
  }
  return rows.map((row) => {
    const clocks = rowClocks(row);
    const fields: Record<string, unknown> = { ...row.fields };
    const created = createdAt.get(`${row.table}/${row.recordId}`);
    if (typeof created === 'string') {
      fields.createdAt = created;
      clocks.createdAt = row.hlc;
    }
    return {
      mutationId: row.mutationId,
      table: row.table as Mutation['table'],
      recordId: row.recordId,
      fields,
      clocks,
      ...(row.bases ? { bases: row.bases } : {}),
      hlc: row.hlc,
    };
  });
}

/**
 * Pushes the outbox in batches until it is empty. A batch's rows leave the outbox only after
 * the server acknowledged it; a failure leaves them claimed, to be resent as the same batch.
 * Returns how many rows were acknowledged. Errors (offline, signed out…) propagate.
 */
export async function pushPendingChanges(db: SetwiseDatabase, api: SyncApi, deviceId: string, now = () => new Date()): Promise<number> {
  let acknowledged = 0;
  for (;;) {
    const batch = await claimPushBatch(db, now());
    if (!batch) return acknowledged;
    const mutations = await toMutations(db, batch.rows);
    const response = await api.push({ batchId: batch.batchId, deviceId, mutations });
    const localTimeAtResponse = now().getTime();
    const knownEpoch = await db.transaction('rw', db.outbox, db.meta, db.setAsideChanges, async () => {
      await db.outbox.bulkDelete(batch.rows.map((row) => row.seq as number));
      // Refused under the sharing rules: kept for the person with the reason, and the device's
      // copy of those records is put right by a resync of what they may see.
      const setAsideAt = now().toISOString();
      for (const refusal of response.rejected) {
        const row = batch.rows.find((candidate) => candidate.mutationId === refusal.mutationId);
        if (!row) continue;
        await db.setAsideChanges.add({ table: row.table, recordId: row.recordId, fields: row.fields, reason: refusal.reason, setAsideAt });
      }
      if (response.rejected.length > 0) await db.meta.put({ key: RESYNC_VISIBLE_KEY, value: true });
      await observeRemoteClock(db, { serverTime: response.serverTime, localTimeAtResponse });
      return (await db.meta.get(SERVER_EPOCH_KEY))?.value;
    });
    acknowledged += batch.rows.length;
    // The batch is safely on the (new) server; but a reset server lacks everything pushed
    // before, so the engine must resync in full. The pull adopts the new epoch then.
    if (typeof knownEpoch === 'string' && knownEpoch !== response.epoch) {
      throw new EpochChangedError('The server has been reset or restored.');
    }
  }
}
