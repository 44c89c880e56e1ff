import { canonicalJson } from '../../domain/canonicalJson';
import { mergeRecord } from '../../domain/mergeRecord';
import type { PushRequest, PushResponse } from '../../domain/sync/protocol';
import type { SyncedRecord } from '../../domain/syncedRecord';
import type { Store } from '../storage/Store';
import { clampClock } from './clampClock';
import { keepConcurrentLosers } from './keepConcurrentLosers';
import { assertValidRecord, clientFields, InvalidMutationError } from './validateRecord';

export class ForbiddenRecordError extends Error {}

/**
 * Applies one pushed batch for `userId`, all or nothing, once: a replayed batch (same id)
 * changes nothing. Each mutation is merged field by field into the stored record (the same
 * pure mergeRecord the devices use); a record whose content actually changes gets a new seq.
 * Throws InvalidMutationError / ForbiddenRecordError, in which case nothing is applied.
 */
export async function applyPush(
  store: Store,
  userId: string,
  request: PushRequest,
  now: Date,
): Promise<Omit<PushResponse, 'epoch' | 'serverTime'>> {
  return store.transaction(async (tx) => {
    if (await tx.hasBatch(userId, request.batchId)) return { applied: false };
    const nowIso = now.toISOString();
    for (const mutation of request.mutations) {
      const existing = await tx.getRecord(mutation.table, mutation.recordId);
      if (existing && existing.owner !== userId) {
        throw new ForbiddenRecordError(`You cannot change ${mutation.table} ${mutation.recordId}: it belongs to someone else.`);
      }
      const fields = clientFields(mutation.fields);
      const clocks = Object.fromEntries(
        Object.keys(fields).map((field) => [field, clampClock(mutation.clocks[field] as string, now.getTime())]),
      );
      const createdAt = typeof fields.createdAt === 'string' && fields.createdAt <= nowIso ? fields.createdAt : nowIso;
      delete fields.createdAt;
      delete clocks.createdAt;
      const incoming = { ...fields, id: mutation.recordId, owner: userId, createdAt, updatedAt: nowIso, clocks } as SyncedRecord;
      const current = existing ? (existing.doc as SyncedRecord) : undefined;
      const merged = current
        ? keepConcurrentLosers(mutation.table, current, mergeRecord(current, incoming), { fields, clocks, bases: mutation.bases }, nowIso)
        : incoming;
      if (current && sameContent(current, merged)) continue;
      if (!current && Object.keys(fields).length === 0) {
        throw new InvalidMutationError(`The change to ${mutation.table} ${mutation.recordId} creates an empty record.`);
      }
      assertValidRecord(mutation.table, mutation.recordId, merged);
      await tx.putRecord(mutation.table, mutation.recordId, userId, { ...merged, owner: userId });
    }
    await tx.recordBatch(userId, request.batchId, now);
    return { applied: true };
  });
}

/** Equal apart from updatedAt: a replayed or already-known change is not a new change. */
function sameContent(a: SyncedRecord, b: SyncedRecord): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return canonicalJson(restA) === canonicalJson(restB);
}
