import type { Access, Doc } from '../../domain/access/Access';
import { indexAboutToken } from '../../domain/access/audienceTokens';
import type { ParentRecord, RecordRule } from '../../domain/access/RecordRule';
import { RECORD_RULES } from '../../domain/access/recordRules';
import { canonicalJson } from '../../domain/canonicalJson';
import { mergeRecord } from '../../domain/mergeRecord';
import type { PushRequest, PushResponse, RejectedMutation } from '../../domain/sync/protocol';
import type { SyncTableName } from '../../domain/sync/syncTables';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { loadAccess } from '../access/loadAccess';
import type { Store, StoreTransaction } from '../storage/Store';
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

async function loadParent(tx: StoreTransaction, rule: RecordRule, doc: Doc): Promise<ParentRecord | undefined> {
  const ref = rule.parentOf?.(doc);
  if (!ref) return undefined;
  const stored = await tx.getRecord(ref.table, ref.id);
  return stored ? { table: ref.table, doc: stored.doc, audience: await tx.getAudience(ref.table, ref.id) } : undefined;
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Records that take their audience from this one (its comments, photos, readings) follow it
 * when it changes: shared with the set, their comments are; made private again, they are not.
 */
async function updateDependents(tx: StoreTransaction, parent: ParentRecord & { id: string }, touched: Set<string>): Promise<void> {
  for (const dependent of await tx.findRecordsByToken(indexAboutToken(parent.table, parent.id))) {
    const audience = RECORD_RULES[dependent.table].audience(dependent.doc, parent);
    const before = await tx.getAudience(dependent.table, dependent.id);
    if (sameTokens(before, audience)) continue;
    await tx.putRecord(dependent.table, dependent.id, dependent.owner, dependent.doc, audience);
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
    for (const mutation of request.mutations) {
      const table: SyncTableName = mutation.table;
      const rule = RECORD_RULES[table];
      const existing = await tx.getRecord(table, mutation.recordId);
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

      const parent = await loadParent(tx, rule, merged);
      const reason = current
        ? fixedFieldReason(rule, current, merged) ?? rule.mayUpdate(access, current, merged, changedFields(current, merged), parent)
        : rule.mayCreate(access, merged, parent);
      if (reason !== null) {
        rejected.push({ mutationId: mutation.mutationId, table, recordId: mutation.recordId, reason });
        continue;
      }
      const before = existing ? await tx.getAudience(table, mutation.recordId) : [];
      const audience = rule.audience(merged, parent);
      await tx.putRecord(table, mutation.recordId, owner, { ...merged, owner }, audience);
      for (const token of [...before, ...audience]) touchedTokens.add(token);
      if (existing && !sameTokens(before, audience)) {
        await updateDependents(tx, { table, id: mutation.recordId, doc: merged, audience }, touchedTokens);
      }
      // A coordinator's batch may create a cohort and then its sets and members: later
      // mutations of the batch are judged with the rights the earlier ones gave.
      if (STRUCTURE_TABLES.has(table)) access = await loadAccess(tx, { id: access.userId, roles: access.roles });
    }
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
