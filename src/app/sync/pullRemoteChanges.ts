import { compareHlc } from '../../domain/hlc';
import type { PullResponse } from '../../domain/sync/protocol';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { observeRemoteClock } from '../db/deviceClock';
import { SYNCED_TABLES, type SetwiseDatabase } from '../db/SetwiseDatabase';
import { rebaseRecord } from './rebaseRecord';
import type { SyncApi } from './createSyncApi';

export const SYNC_CURSOR_KEY = 'syncCursor';
export const SERVER_EPOCH_KEY = 'serverEpoch';

/** The server was reset or restored: the engine must run a full resync instead. */
export class EpochChangedError extends Error {}

function latestStamp(records: PullResponse['records']): string | undefined {
  let latest: string | undefined;
  for (const { record } of records) {
    for (const stamp of Object.values(record.clocks)) if (!latest || compareHlc(stamp, latest) > 0) latest = stamp;
  }
  return latest;
}

/** Applies one pulled page in one transaction: records rebased over pending changes, cursor moved. */
async function applyPage(db: SetwiseDatabase, page: PullResponse, localTimeAtResponse: number): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta], async () => {
    for (const { table, record } of page.records) {
      const pending = await db.outbox.where('recordId').equals(record.id).sortBy('seq');
      await db.table(table).put(rebaseRecord(record as unknown as SyncedRecord, pending.filter((row) => row.table === table)));
    }
    await observeRemoteClock(db, { serverTime: page.serverTime, localTimeAtResponse, latestStamp: latestStamp(page.records) });
    await db.meta.put({ key: SYNC_CURSOR_KEY, value: page.cursor });
    await db.meta.put({ key: SERVER_EPOCH_KEY, value: page.epoch });
  });
}

/**
 * Pulls every change after the device's cursor, page by page. Each page is applied atomically
 * with its cursor, so an interrupted pull resumes where it stopped and never skips a record.
 * Returns how many records were received.
 */
export async function pullRemoteChanges(db: SetwiseDatabase, api: SyncApi, now = () => new Date()): Promise<number> {
  let received = 0;
  for (;;) {
    const [cursorRow, epochRow] = await Promise.all([db.meta.get(SYNC_CURSOR_KEY), db.meta.get(SERVER_EPOCH_KEY)]);
    const cursor = typeof cursorRow?.value === 'number' ? cursorRow.value : 0;
    const page = await api.pull(cursor);
    if (typeof epochRow?.value === 'string' && epochRow.value !== page.epoch && cursor > 0) {
      throw new EpochChangedError('The server has been reset or restored.');
    }
    await applyPage(db, page, now().getTime());
    received += page.records.length;
    if (!page.hasMore) return received;
  }
}
