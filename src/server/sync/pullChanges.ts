import type { PullResponse } from '../../domain/sync/protocol';
import type { SyncTableName } from '../../domain/sync/syncTables';
import type { Store } from '../storage/Store';

/** The client's cursor cannot be served: it must start again from 0 (full resync). */
export class ResyncRequiredError extends Error {}

/**
 * One page of what `userId` may see that changed after `after`, in seq order. A cursor beyond
 * the highest seq this server ever handed out means the server was restored from an older
 * backup (or reset): the client must resync rather than wait for seqs it has "already seen".
 */
export async function pullChanges(
  store: Store,
  userId: string,
  after: number,
  limit: number,
): Promise<Omit<PullResponse, 'epoch' | 'serverTime'>> {
  if (after > 0 && after > (await store.maxSeq())) {
    throw new ResyncRequiredError('This server has been restored or reset since your last sync.');
  }
  const rows = await store.pullRecords(userId, after, limit + 1);
  const page = rows.slice(0, limit);
  return {
    records: page.map((row) => ({ table: row.table as SyncTableName, seq: row.seq, record: row.doc as PullResponse['records'][number]['record'] })),
    cursor: page.at(-1)?.seq ?? after,
    hasMore: rows.length > limit,
  };
}
