import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import { ACCESS_DIGEST_KEY, applyPulledPage, SERVER_EPOCH_KEY, SYNC_CURSOR_KEY } from './applyPulledPage';
import type { SyncApi } from './createSyncApi';

export { SERVER_EPOCH_KEY, SYNC_CURSOR_KEY } from './applyPulledPage';

/** The server was reset or restored: the engine must run a full resync instead. */
export class EpochChangedError extends Error {}

/**
 * Pulls every change after the device's cursor, page by page. Each page is applied atomically
 * with its cursor, so an interrupted pull resumes where it stopped and never skips a record.
 * When what the person may see has changed, the server answers access-changed and the engine
 * runs resyncVisibleRecords instead. Returns how many records were received.
 */
export async function pullRemoteChanges(db: SetwiseDatabase, api: SyncApi, now = () => new Date()): Promise<number> {
  let received = 0;
  for (;;) {
    const [cursorRow, epochRow, accessRow] = await Promise.all([
      db.meta.get(SYNC_CURSOR_KEY),
      db.meta.get(SERVER_EPOCH_KEY),
      db.meta.get(ACCESS_DIGEST_KEY),
    ]);
    const cursor = typeof cursorRow?.value === 'number' ? cursorRow.value : 0;
    const knownAccess = typeof accessRow?.value === 'string' && accessRow.value !== '' ? accessRow.value : undefined;
    const page = await api.pull(cursor, undefined, knownAccess);
    if (typeof epochRow?.value === 'string' && epochRow.value !== page.epoch && cursor > 0) {
      throw new EpochChangedError('The server has been reset or restored.');
    }
    await applyPulledPage(db, page, now().getTime());
    received += page.records.length;
    if (!page.hasMore) return received;
  }
}
