import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import { fullResync } from './fullResync';
import { EpochChangedError, pullRemoteChanges } from './pullRemoteChanges';
import { pushPendingChanges } from './pushPendingChanges';
import { RESYNC_VISIBLE_KEY, resyncVisibleRecords } from './resyncVisibleRecords';
import { SyncHttpError } from './SyncHttpError';
import type { SyncApi } from './createSyncApi';
import { transferPhotoBlobs } from './transferPhotoBlobs';

export interface SyncResult {
  readonly pushed: number;
  readonly pulled: number;
  readonly blobs: number;
  readonly fullResync: boolean;
}

/**
 * One full round: push what is waiting, pull what changed, move photo bytes. A server that was
 * reset or restored (new epoch, or a cursor it cannot serve) turns the round into a full resync.
 */
export async function syncOnce(db: SetwiseDatabase, api: SyncApi, deviceId: string, now = () => new Date()): Promise<SyncResult> {
  try {
    const pushed = await pushPendingChanges(db, api, deviceId, now);
    const pulled = (await db.meta.get(RESYNC_VISIBLE_KEY))?.value === true ? await resyncVisibleRecords(db, api, now) : await pullOrResync(db, api, now);
    const blobs = await transferPhotoBlobs(db, api);
    return { pushed, pulled, blobs, fullResync: false };
  } catch (error) {
    const resync = error instanceof EpochChangedError || (error instanceof SyncHttpError && error.failure === 'resync-required');
    if (!resync) throw error;
    await fullResync(db, api, deviceId, now);
    const blobs = await transferPhotoBlobs(db, api);
    return { pushed: 0, pulled: 0, blobs, fullResync: true };
  }
}

/** A pull, or, when what the person may see has changed, a pull of everything they may see. */
async function pullOrResync(db: SetwiseDatabase, api: SyncApi, now: () => Date): Promise<number> {
  try {
    return await pullRemoteChanges(db, api, now);
  } catch (error) {
    if (!(error instanceof SyncHttpError && error.failure === 'access-changed')) throw error;
    return resyncVisibleRecords(db, api, now);
  }
}
