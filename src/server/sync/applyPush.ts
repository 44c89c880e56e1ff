import type { Access, Doc } from '../../domain/access/Access';
import { indexAboutToken } from '../../domain/access/audienceTokens';
import type { ParentRecord, RecordRule } from '../../domain/access/RecordRule';
import { RECORD_RULES } from '../../domain/access/recordRules';
import { canonicalJson } from '../../domain/canonicalJson';
import { mergeRecord } from '../../domain/mergeRecord';
import type { Mutation, PushRequest, PushResponse, RejectedMutation } from '../../domain/sync/protocol';
import { SYNC_TABLE_NAMES, type SyncTableName } from '../../domain/sync/syncTables';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { loadAccess } from '../access/loadAccess';
import { RecordWriteBuffer } from '../storage/recordWriteBuffer';
import type { RecordKey, Store } from '../storage/Store';
import { clampClock } from './clampClock';
import { keepConcurrentLosers } from './keepConcurrentLosers';
import { assertValidRecord, clientFields, InvalidMutationError } from './validateRecord';

export interface PushOutcome extends Omit<PushResponse, 'epoch' | 'serverTime'> {
  /** Audience tokens of every record this push changed (before and after): who to tell. */
  readonly touchedTokens: ReadonlySet<string>;
}

/** Tables whose records change what people may do. */
const STRUCTURE_TABLES: ReadonlySet<SyncTableName> = new Set(['cohorts', 'memberships']);

/** Fields that describe the record's bookkeeping rather than its content. */
const BOOKKEEPING = new Set(['updatedAt', 'clocks', 'conflicts']);

function changedFields(before: Doc, after: Doc): Set<string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...names].filter((name) => !BOOKKEEPING.has(name) && canonicalJson(before[name]) !== canonicalJson(after[name])));
}

async function loadParent(records: RecordWriteBuffer, rule: RecordRule, doc: Doc): Promise<ParentRecord | undefined> {
  const ref = rule.parentOf?.(doc);
  if (!ref) return undefined;
  const stored = await records.getRecord(ref);
  return stored ? { table: ref.table, doc: stored.doc, audience: await records.getAudience(ref) } : undefined;
}

/**
 * Reads, in two queries, the records the batch names and the parents they name, so the loop
 * below finds them in the buffer instead of reading them one at a time. Only a cache: the loop
 * reads through the buffer either way, and a guess that misses costs one read later.
 */
async function prefetch(records: RecordWriteBuffer, mutations: readonly Mutation[]): Promise<void> {
  await records.prefetch(mutations.map((mutation) => ({ table: mutation.table, id: mutation.recordId })));
  const parents: RecordKey[] = [];
  for (const mutation of mutations) {
    const stored = await records.getRecord({ table: mutation.table, id: mutation.recordId });
    // The parent named by the stored record with the pushed fields over it: the one the merged
    // record will name unless a field loses its merge (then the loop reads the right one).
    const ref = RECORD_RULES[mutation.table].parentOf?.({ ...stored?.doc, ...mutation.fields });
    if (ref && SYNC_TABLE_NAMES.includes(ref.table)) parents.push(ref);
  }
  await records.prefetch(parents);
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Records that take their audience from this one (its comments, photos, readings) follow it
 * when it changes: shared with the set, their comments are; made private again, they are not.
 */
async function updateDependents(records: RecordWriteBuffer, parent: ParentRecord & { id: string }, touched: Set<string>): Promise<void> {
  for (const dependent of await records.findRecordsByToken(indexAboutToken(parent.table, parent.id))) {
    const audience = RECORD_RULES[dependent.table].audience(dependent.doc, parent);
    const before = await records.getAudience(dependent);
    if (sameTokens(before, audience)) continue;
    records.putRecord(dependent, dependent.owner, dependent.doc, audience);
    for (const token of [...before, ...audience]) touched.add(token);
  }
}

/**
 * Applies one pushed batch for the person `access` describes, all or nothing, once: a replayed
 * batch (same id) changes nothing. Each mutation is merged field by field into the stored
 * record (the same pure mergeRecord the devices use) and checked against its table's sharing
 * rule (domain/access/recordRules.ts). A mutation the rule refuses changes nothing and comes
 * back in `rejected` with the reason; the rest of the batch still applies, so one change the
 * person may no longer make (they were moved to another set while offline) cannot hold up
 * everything else they wrote. Throws InvalidMutationError when a change is malformed, in which
 * case nothing is applied.
 */
export async function applyPush(store: Store, initialAccess: Access, request: PushRequest, now: Date): Promise<PushOutcome> {
  return store.transaction(async (tx) => {
    let access = initialAccess;
    const touchedTokens = new Set<string>();
    if (await tx.hasBatch(access.userId, request.batchId)) return { applied: false, rejected: [], touchedTokens };
    const rejected: RejectedMutation[] = [];
    const nowIso = now.toISOString();
    // Every record read and write of this push goes through `records` (never tx directly) and
    // reaches the database at flush: the loop below is the same rules, one mutation at a
    // time, whatever the adapter; only the round trips are fewer.
    const records = new RecordWriteBuffer(tx);
    await prefetch(records, request.mutations);
    for (const mutation of request.mutations) {
      const table: SyncTableName = mutation.table;
      const rule = RECORD_RULES[table];
      const key: RecordKey = { table, id: mutation.recordId };
      const existing = await records.getRecord(key);
      const owner = existing?.owner ?? access.userId;
      const fields = clientFields(mutation.fields);
      const clocks = Object.fromEntries(
        Object.keys(fields).map((field) => [field, clampClock(mutation.clocks[field] as string, now.getTime())]),
      );
      const createdAt = typeof fields.createdAt === 'string' && fields.createdAt <= nowIso ? fields.createdAt : nowIso;
      delete fields.createdAt;
      delete clocks.createdAt;
      const incoming = { ...fields, id: mutation.recordId, owner, createdAt, updatedAt: nowIso, clocks } as SyncedRecord;
      const current = existing ? (existing.doc as SyncedRecord) : undefined;
      const merged = current
        ? keepConcurrentLosers(table, current, mergeRecord(current, incoming), { fields, clocks, bases: mutation.bases }, nowIso)
        : incoming;
      if (current && sameContent(current, merged)) continue;
      if (!current && Object.keys(fields).length === 0) {
        throw new InvalidMutationError(`The change to ${table} ${mutation.recordId} creates an empty record.`);
      }
      assertValidRecord(table, mutation.recordId, merged);

      const parent = await loadParent(records, rule, merged);
      const reason = current
        ? fixedFieldReason(rule, current, merged) ?? rule.mayUpdate(access, current, merged, changedFields(current, merged), parent)
        : rule.mayCreate(access, merged, parent);
      if (reason !== null) {
        rejected.push({ mutationId: mutation.mutationId, table, recordId: mutation.recordId, reason });
        continue;
      }
      const before = existing ? await records.getAudience(key) : [];
      const audience = rule.audience(merged, parent);
      records.putRecord(key, owner, { ...merged, owner }, audience);
      for (const token of [...before, ...audience]) touchedTokens.add(token);
      if (existing && !sameTokens(before, audience)) {
        await updateDependents(records, { table, id: mutation.recordId, doc: merged, audience }, touchedTokens);
      }
      // A coordinator's batch may create a cohort and then its sets and members: later
      // mutations of the batch are judged with the rights the earlier ones gave.
      if (STRUCTURE_TABLES.has(table)) access = await loadAccess(records, { id: access.userId, roles: access.roles });
    }
    await records.flush();
    await tx.recordBatch(access.userId, request.batchId, now);
    return { applied: true, rejected, touchedTokens };
  });
}

function fixedFieldReason(rule: RecordRule, before: Doc, after: Doc): string | null {
  const moved = rule.fixedFields.find((field) => canonicalJson(before[field]) !== canonicalJson(after[field]));
  return moved === undefined ? null : `${moved} cannot be changed once the record exists.`;
}

/** Equal apart from updatedAt: a replayed or already-known change is not a new change. */
function sameContent(a: SyncedRecord, b: SyncedRecord): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return canonicalJson(restA) === canonicalJson(restB);
}
