import { SYNCED_TABLES, type SetwiseDatabase } from '../db/SetwiseDatabase';
import { ACCESS_DIGEST_KEY, applyPulledPage, SYNC_CURSOR_KEY } from './applyPulledPage';
import type { SyncApi } from './createSyncApi';
import { isOwnWriting } from './isOwnWriting';

/** Set when the server refused a pushed change: the device's copy must be put right. */
export const RESYNC_VISIBLE_KEY = 'resyncVisible';

/**
 * After what the person may see changed (they joined or left a set, were given a coachee, or
 * the server refused a change of theirs): pull everything they may see from the start, then
 * drop from the device every record the server no longer gives them — except their own
 * writing (isOwnWriting) and records with changes still waiting to be pushed. Records already
 * on the device are replaced by the server's copy rebased over pending changes, as in any pull.
 * Interrupted, it starts again next time (the old access digest is kept until it finishes).
 */
export async function resyncVisibleRecords(db: SetwiseDatabase, api: SyncApi, now = () => new Date()): Promise<number> {
  const seen = new Set<string>();
  let after = 0;
  let firstAccess: string | undefined;
  let viewer = '';
  for (;;) {
    const page = await api.pull(after);
    firstAccess ??= page.access;
    viewer = page.viewer;
    await applyPulledPage(db, page, now().getTime(), false);
    for (const { table, record } of page.records) seen.add(`${table}/${record.id}`);
    after = page.cursor;
    if (!page.hasMore) break;
  }
  await db.transaction('rw', [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta], async () => {
    const pending = new Set((await db.outbox.toArray()).map((row) => `${row.table}/${row.recordId}`));
    for (const table of SYNCED_TABLES) {
      const stale = (await db.table(table).toArray()) as { id: string; owner?: unknown }[];
      const gone = stale.filter((record) => {
        const key = `${table}/${record.id}`;
        return !seen.has(key) && !pending.has(key) && !isOwnWriting(table, record, viewer);
      });
      await db.table(table).bulkDelete(gone.map((record) => record.id));
    }
    await db.meta.put({ key: SYNC_CURSOR_KEY, value: after });
    await db.meta.put({ key: ACCESS_DIGEST_KEY, value: firstAccess ?? '' });
    await db.meta.delete(RESYNC_VISIBLE_KEY);
  });
  return seen.size;
}
