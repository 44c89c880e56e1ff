import type { Access } from '../../domain/access/Access';
import { accessDigest } from '../../domain/access/buildAccess';
import type { PullResponse } from '../../domain/sync/protocol';
import type { Store } from '../storage/Store';

/** The client's cursor cannot be served: it must start again from 0 (full resync). */
export class ResyncRequiredError extends Error {}
/** What the person may see has changed since the device's last pull: it must pull from 0 and prune. */
export class AccessChangedError extends Error {}

type PullPage = Omit<PullResponse, 'epoch' | 'serverTime'>;

/**
 * One page of what the person may see that changed after `after`, in seq order: records that
 * carry one of their tokens, and revocations of records they no longer see. A cursor beyond the
 * highest seq this server ever handed out means the server was restored from an older backup
 * (or reset): the client must resync rather than wait for seqs it has "already seen". A device
 * whose last pull saw other access (`knownAccess`) must start again from 0, because records
 * newly visible may have seqs below its cursor and records no longer visible left no trace.
 */
export async function pullChanges(store: Store, access: Access, after: number, limit: number, knownAccess?: string): Promise<PullPage> {
  if (after > 0 && after > (await store.maxSeq())) {
    throw new ResyncRequiredError('This server has been restored or reset since your last sync.');
  }
  const digest = accessDigest(access);
  if (after > 0 && knownAccess !== undefined && knownAccess !== digest) {
    throw new AccessChangedError('What you can see has changed (you joined or left a set, or someone shared with you).');
  }
  const found = await store.pullVisible([...access.tokens], after, limit + 1);
  const items = [
    ...found.records.map((record) => ({ seq: record.seq, record })),
    ...found.revocations.map((revocation) => ({ seq: revocation.seq, revocation })),
  ].sort((a, b) => a.seq - b.seq);
  const page = items.slice(0, limit);
  return {
    records: page.flatMap((item) =>
      'record' in item ? [{ table: item.record.table, seq: item.record.seq, record: item.record.doc as PullResponse['records'][number]['record'] }] : [],
    ),
    revoked: page.flatMap((item) => ('revocation' in item ? [{ table: item.revocation.table, id: item.revocation.id }] : [])),
    cursor: page.at(-1)?.seq ?? after,
    hasMore: items.length > limit,
    access: digest,
    viewer: access.userId,
  };
}
