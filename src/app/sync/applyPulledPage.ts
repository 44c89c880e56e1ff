import { compareHlc } from '../../domain/hlc';
import type { PullResponse } from '../../domain/sync/protocol';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { observeRemoteClock } from '../db/deviceClock';
import type { OutboxRow } from '../db/rows';
import { SYNCED_TABLES, type SetwiseDatabase } from '../db/SetwiseDatabase';
import { isOwnWriting } from './isOwnWriting';
import { rebaseRecord } from './rebaseRecord';

export const SYNC_CURSOR_KEY = 'syncCursor';
export const SERVER_EPOCH_KEY = 'serverEpoch';
/** The `access` digest of the last pull: what this person could see then. */
export const ACCESS_DIGEST_KEY = 'accessDigest';
/** The user id the server says this device syncs for. */
export const VIEWER_KEY = 'syncViewer';

function latestStamp(records: PullResponse['records']): string | undefined {
  let latest: string | undefined;
  for (const { record } of records) {
    for (const stamp of Object.values(record.clocks)) if (!latest || compareHlc(stamp, latest) > 0) latest = stamp;
  }
  return latest;
}

/**
 * Applies one pulled page in one transaction: records rebased over pending changes, records the
 * person can no longer see removed from the device, cursor moved. `saveAccess`: whether this
 * page's access digest becomes the device's (not during a resync until it has finished).
 */
export async function applyPulledPage(db: SetwiseDatabase, page: PullResponse, localTimeAtResponse: number, saveAccess = true): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta], async () => {
    // One read of the pending changes and one bulk write per table: in a browser every
    // IndexedDB request is a round trip to another process, so per-record get/put made a
    // 10,000-record first sync several times slower.
    const ids = [...new Set(page.records.map(({ record }) => record.id))];
    const pendingByRecord = new Map<string, OutboxRow[]>();
    for (const row of await db.outbox.where('recordId').anyOf(ids).toArray()) {
      const rows = pendingByRecord.get(row.recordId) ?? [];
      rows.push(row);
      pendingByRecord.set(row.recordId, rows);
    }
    const rebasedByTable = new Map<string, SyncedRecord[]>();
    for (const { table, record } of page.records) {
      const pending = (pendingByRecord.get(record.id) ?? []).filter((row) => row.table === table).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      const rebased = rebasedByTable.get(table) ?? [];
      rebased.push(rebaseRecord(record as unknown as SyncedRecord, pending));
      rebasedByTable.set(table, rebased);
    }
    // Within a table the later copy of a record wins, as it did when they were put one by one.
    for (const [table, records] of rebasedByTable) await db.table(table).bulkPut(records);
    for (const { table, id } of page.revoked) {
      const local = (await db.table(table).get(id)) as { owner?: unknown } | undefined;
      if (local && !isOwnWriting(table, local, page.viewer)) await db.table(table).delete(id);
    }
    await observeRemoteClock(db, { serverTime: page.serverTime, localTimeAtResponse, latestStamp: latestStamp(page.records) });
    await db.meta.put({ key: SYNC_CURSOR_KEY, value: page.cursor });
    await db.meta.put({ key: SERVER_EPOCH_KEY, value: page.epoch });
    if (saveAccess) await db.meta.put({ key: ACCESS_DIGEST_KEY, value: page.access });
    if (page.viewer) await db.meta.put({ key: VIEWER_KEY, value: page.viewer });
  });
}
