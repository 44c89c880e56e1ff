import { isIndexToken, indexAboutToken, cohortAdminToken, userToken } from '../../domain/access/audienceTokens';
import { RECORD_RULES } from '../../domain/access/recordRules';
import { FORMER_MEMBER_NAME, type DeleteAccountResponse } from '../../domain/account/accountDeletion';
import { compareHlc, formatHlc, parseHlc, receiveHlc } from '../../domain/hlc';
import { applyFieldChanges } from '../../domain/mergeRecord';
import { COMMENTABLE_TABLES } from '../../domain/sets/comment';
import { OWN_WRITING_TABLES } from '../../domain/sync/ownWritingTables';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { serverStamp } from '../cohorts/serverStamp';
import type { DeletedRecord, Store, StoredRecord, StoreTransaction } from '../storage/Store';

/** The person is the only coordinator of a cohort: deleting them would leave it with nobody to run it. */
export class SoleCoordinatorError extends Error {
  constructor(readonly cohortNames: readonly string[]) {
    super(
      `You are the only coordinator of ${cohortNames.map((name) => `“${name}”`).join(', ')}. ` +
        'Add another coordinator to the cohort first, so it is not left without one.',
    );
    this.name = 'SoleCoordinatorError';
  }
}

export interface DeleteAccountOutcome {
  readonly response: DeleteAccountResponse;
  /** Audience tokens of every record removed or changed: whose devices to tell. */
  readonly touchedTokens: ReadonlySet<string>;
}

const COMMENTABLE: ReadonlySet<string> = new Set(COMMENTABLE_TABLES);

function text(doc: Readonly<Record<string, unknown>>, field: string): string | undefined {
  const value = doc[field];
  return typeof value === 'string' ? value : undefined;
}

/** A server stamp for `now`, later than every stamp in `clocks` (a device's clock may run up to a minute ahead). */
function stampAfter(now: Date, clocks: Readonly<Record<string, string>>, fields: readonly string[]): string {
  let stamp = serverStamp(now);
  for (const field of fields) {
    const clock = clocks[field];
    if (clock && compareHlc(clock, stamp) >= 0) stamp = formatHlc(receiveHlc(parseHlc(stamp), parseHlc(clock), now.getTime(), 'server'));
  }
  return stamp;
}

/**
 * Deletes a person's account and data, in one transaction (docs: "delete my account and data"):
 * - every record of their own writing (journal, challenge and its history, trials, measures,
 *   readings, photos, comments, diagnostics, posters), deleted or not, is removed for good with
 *   revocations, so the devices of people it was shared with drop it at their next sync;
 * - coaching sessions in which they were the participant are removed the same way;
 * - comments others wrote on what they had shared stay their authors', seen by their authors;
 * - only when `removeMyMeetingAdditions`: what they added to their own rounds in their set's
 *   meeting notes (memberNotes) is cleared. The rounds are the facilitator's records and keep
 *   everything else; the server writes the change with its own stamp;
 * - their memberships stay (the set's notes refer to them) but are withdrawn and renamed
 *   "Former member"; they are taken off the coordinators of any cohort;
 * - their photo bytes, sessions, applied batches and the user itself are removed.
 * Refuses (SoleCoordinatorError, nothing changed) when they alone coordinate a cohort.
 */
export async function deleteAccount(
  store: Store,
  user: { readonly id: string },
  options: { readonly removeMyMeetingAdditions: boolean },
  now: Date,
): Promise<DeleteAccountOutcome> {
  return store.transaction(async (tx) => {
    const touched = new Set<string>();
    const touch = (tokens: readonly string[]) => {
      for (const token of tokens) if (!isIndexToken(token)) touched.add(token);
    };
    const nowIso = now.toISOString();

    const cohorts = (await tx.findRecordsByToken(userToken(user.id), 'cohorts')).filter((cohort) => coordinatorIds(cohort).includes(user.id));
    const alone = cohorts.filter((cohort) => cohort.doc.deletedAt == null && coordinatorIds(cohort).length === 1);
    if (alone.length > 0) throw new SoleCoordinatorError(alone.map((cohort) => text(cohort.doc, 'name') ?? 'a cohort'));

    let roundsCleared = 0;
    if (options.removeMyMeetingAdditions) {
      for (const round of await tx.findRecordsByField('meetingRounds', 'presenterId', user.id)) {
        if ((text(round.doc, 'memberNotes') ?? '') === '') continue;
        await rewrite(tx, round, { memberNotes: '' }, now, touch);
        roundsCleared += 1;
      }
    }

    const removed: DeletedRecord[] = await tx.deleteOwnedRecords(user.id, OWN_WRITING_TABLES);
    const coachingSessions = (await tx.findRecordsByToken(userToken(user.id), 'coachingSessions')).filter(
      (session) => text(session.doc, 'participantId') === user.id,
    );
    for (const session of coachingSessions) {
      const gone = await tx.deleteRecord('coachingSessions', session.id);
      if (gone) removed.push(gone);
    }
    for (const record of removed) touch(record.audience);

    // Others' comments on what is gone: no longer seen through it (their authors still see them).
    for (const record of removed) {
      if (!COMMENTABLE.has(record.table)) continue;
      for (const dependent of await tx.findRecordsByToken(indexAboutToken(record.table, record.id))) {
        const before = await tx.getAudience(dependent.table, dependent.id);
        const audience = RECORD_RULES[dependent.table].audience(dependent.doc, undefined);
        if (sameTokens(before, audience)) continue;
        await tx.putRecord(dependent.table, dependent.id, dependent.owner, dependent.doc, audience);
        touch([...before, ...audience]);
      }
    }

    const memberships = (await tx.findRecordsByToken(userToken(user.id), 'memberships')).filter((m) => text(m.doc, 'userId') === user.id);
    for (const membership of memberships) {
      // Someone already withdrawn keeps the day they left; otherwise they leave today.
      const today = nowIso.slice(0, 10);
      const withdrawnOn = text(membership.doc, 'status') === 'withdrawn' ? (text(membership.doc, 'withdrawnOn') ?? today) : today;
      await rewrite(tx, membership, { displayName: FORMER_MEMBER_NAME, status: 'withdrawn', withdrawnOn }, now, touch);
      const cohortId = text(membership.doc, 'cohortId');
      if (cohortId) touch([cohortAdminToken(cohortId)]);
    }
    for (const cohort of cohorts) {
      await rewrite(tx, cohort, { coordinatorIds: coordinatorIds(cohort).filter((id) => id !== user.id) }, now, touch);
    }

    await tx.deleteUser(user.id, FORMER_MEMBER_NAME);
    touch([userToken(user.id)]);

    return {
      response: {
        deleted: true,
        records: removed.length - coachingSessions.length,
        coachingSessions: coachingSessions.length,
        roundsCleared,
        membershipsWithdrawn: memberships.length,
      },
      touchedTokens: touched,
    };
  });
}

function coordinatorIds(record: StoredRecord): string[] {
  const ids = record.doc.coordinatorIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Writes `fields` into someone else's record as the server: merged like any change (each field
 * stamped after its current stamp, so it wins), audience worked out again by the table's rule.
 */
async function rewrite(
  tx: StoreTransaction,
  record: StoredRecord,
  fields: Record<string, unknown>,
  now: Date,
  touch: (tokens: readonly string[]) => void,
): Promise<void> {
  const current = record.doc as SyncedRecord;
  const stamp = stampAfter(now, current.clocks ?? {}, Object.keys(fields));
  const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, stamp]));
  const merged = applyFieldChanges(current, fields, clocks, now.toISOString());
  const rule = RECORD_RULES[record.table];
  const parentRef = rule.parentOf?.(merged);
  const parentRecord = parentRef ? await tx.getRecord(parentRef.table, parentRef.id) : undefined;
  const parent = parentRecord && parentRef ? { table: parentRef.table, doc: parentRecord.doc, audience: await tx.getAudience(parentRef.table, parentRef.id) } : undefined;
  const before = await tx.getAudience(record.table, record.id);
  const audience = rule.audience(merged, parent);
  await tx.putRecord(record.table, record.id, record.owner, { ...merged, owner: record.owner }, audience);
  touch([...before, ...audience]);
}
