import { SYNCED_TABLES, type SetwiseDatabase } from '../db/SetwiseDatabase';
import { enqueueWholeRecords } from '../db/enqueueWholeRecords';
import { ACCESS_DIGEST_KEY, VIEWER_KEY } from './applyPulledPage';
import { pullRemoteChanges, SERVER_EPOCH_KEY, SYNC_CURSOR_KEY } from './pullRemoteChanges';
import { pushPendingChanges } from './pushPendingChanges';
import type { SyncApi } from './createSyncApi';

/**
 * Recovery when the server was reset or restored, or our cursor is older than it can serve:
 * push everything this device holds (the server may have lost acknowledged writes; the merge
 * makes re-pushing harmless), then pull everything from the start under the new epoch.
 */
export async function fullResync(db: SetwiseDatabase, api: SyncApi, deviceId: string, now = () => new Date()): Promise<void> {
  const tables = [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta, db.photoBlobs, db.blobUploads];
  await db.transaction('rw', tables, async () => {
    const viewer = (await db.meta.get(VIEWER_KEY))?.value;
    await enqueueWholeRecords(db, now(), typeof viewer === 'string' ? viewer : undefined);
    const hashes = await db.photoBlobs.toCollection().primaryKeys();
    await db.blobUploads.bulkPut(hashes.map((sha256) => ({ sha256, queuedAt: now().toISOString() })));
    await db.meta.bulkDelete([SYNC_CURSOR_KEY, SERVER_EPOCH_KEY, ACCESS_DIGEST_KEY]);
  });
  await pushPendingChanges(db, api, deviceId, now);
  await pullRemoteChanges(db, api, now);
}
