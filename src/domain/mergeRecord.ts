import { compareHlc } from './hlc';
import { IDENTITY_FIELDS, type SyncedRecord } from './syncedRecord';

/**
 * A change to some fields of one record, stamped with the hybrid-logical-clock time of the
 * write. This is what the outbox holds and what devices exchange.
 */
export interface RecordPatch {
  readonly recordId: string;
  readonly hlc: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Merge two copies of a record field by field: for each field the value whose clock stamp is
 * later wins; a field with no stamp counts as older than any stamped one. The function is
 * pure, commutative and idempotent — merge(a, b) equals merge(b, a), merge(a, a) equals a —
 * which is what lets devices apply each other's changes in any order, any number of times,
 * and still agree. Fields the app does not know are merged the same way and kept.
 *
 * Identity fields (id, owner, createdAt) come from the copy created first (equal createdAt:
 * the smaller owner id, so the result does not depend on argument order).
 * `updatedAt` is the later of the two.
 */
export function mergeRecord<T extends SyncedRecord>(a: T, b: T): T {
  if (a.id !== b.id) throw new Error(`Cannot merge different records ${a.id} and ${b.id}`);
  const merged: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  for (const field of fields) {
    if (IDENTITY_FIELDS.has(field) || field === 'updatedAt') continue;
    const aClock = a.clocks[field] ?? '';
    const bClock = b.clocks[field] ?? '';
    const order = compareHlc(aClock, bClock);
    // Equal stamps mean the same write; if the values differ anyway (corrupt copy), pick
    // deterministically by the serialised value so both sides still converge.
    const takeB =
      order < 0 ||
      (order === 0 && !(field in aRecord)) ||
      (order === 0 && field in bRecord && JSON.stringify(bRecord[field]) > JSON.stringify(aRecord[field]));
    merged[field] = takeB ? bRecord[field] : aRecord[field];
    const winningClock = takeB ? bClock : aClock;
    if (winningClock !== '') clocks[field] = winningClock;
  }
  // Equal createdAt (the same creation seen as two owners, e.g. 'local' and the account): pick
  // by owner so that both argument orders agree (commutativity).
  const first = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.owner <= b.owner) ? a : b;
  return {
    ...merged,
    id: a.id,
    owner: first.owner,
    createdAt: first.createdAt,
    updatedAt: a.updatedAt >= b.updatedAt ? a.updatedAt : b.updatedAt,
    clocks,
  } as T;
}

/**
 * Apply changed fields, each with its own stamp, to a record: they are treated as a partial
 * copy of the record and merged like any other copy. Fields without a stamp are ignored.
 */
export function applyFieldChanges<T extends SyncedRecord>(
  current: T,
  fields: Readonly<Record<string, unknown>>,
  clocks: Readonly<Record<string, string>>,
  updatedAt: string,
): T {
  const changed: Record<string, unknown> = {};
  const changedClocks: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    const clock = clocks[field];
    if (IDENTITY_FIELDS.has(field) || field === 'updatedAt' || clock === undefined) continue;
    changed[field] = value;
    changedClocks[field] = clock;
  }
  const incoming = {
    ...changed,
    id: current.id,
    owner: current.owner,
    createdAt: current.createdAt,
    updatedAt,
    clocks: changedClocks,
  } as unknown as T;
  return mergeRecord(current, incoming);
}

/** Apply a patch whose fields all carry the patch's one stamp (a local write). */
export function applyPatch<T extends SyncedRecord>(current: T, patch: RecordPatch, updatedAt: string): T {
  const clocks = Object.fromEntries(Object.keys(patch.fields).map((field) => [field, patch.hlc]));
  return applyFieldChanges(current, patch.fields, clocks, updatedAt);
}
