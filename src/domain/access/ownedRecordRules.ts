import type { SyncTableName } from '../sync/syncTables';
import { textField, type Doc } from './Access';
import { indexAboutToken, indexBlobToken, sharedWithCoachToken, sharedWithSetToken, userToken } from './audienceTokens';
import type { RecordRule } from './RecordRule';

const NOT_YOURS = 'This belongs to someone else: only its author can change it.';

/** Owner plus whom the owner chose: log entries, the challenge, trials and measures. */
export function ownerAudience(doc: Doc): string[] {
  const owner = textField(doc, 'owner') ?? '';
  const visibility = textField(doc, 'visibility') ?? 'private';
  const tokens = [userToken(owner)];
  if (visibility === 'set' || visibility === 'set_and_coach') tokens.push(sharedWithSetToken(owner));
  if (visibility === 'coach' || visibility === 'set_and_coach') tokens.push(sharedWithCoachToken(owner));
  return tokens;
}

/** A participant's own record, shared by its `visibility` (private unless they choose). */
export const ownedRecordRule: RecordRule = {
  audience: (doc) => ownerAudience(doc),
  mayCreate: (actor, doc) => (textField(doc, 'owner') === actor.userId ? null : NOT_YOURS),
  mayUpdate: (actor, before) => (textField(before, 'owner') === actor.userId ? null : NOT_YOURS),
  fixedFields: [],
};

/**
 * A record that belongs to one of the owner's records (revisions of the challenge, readings of
 * a measure, photos of an entry): seen by whoever sees its parent, changed only by its owner.
 */
export function childOfOwnedRecordRule(parentTable: SyncTableName, parentField: string, extraIndex?: (doc: Doc) => string[]): RecordRule {
  return {
    parentOf: (doc) => {
      const id = textField(doc, parentField);
      return id ? { table: parentTable, id } : undefined;
    },
    audience: (doc, parent) => {
      const owner = textField(doc, 'owner') ?? '';
      const parentId = textField(doc, parentField) ?? '';
      // The parent's audience counts only when the parent is the same person's.
      const inherited = parent && textField(parent.doc, 'owner') === owner ? parent.audience : [];
      return [...new Set([userToken(owner), ...inherited, indexAboutToken(parentTable, parentId), ...(extraIndex?.(doc) ?? [])])];
    },
    mayCreate: (actor, doc, parent) => {
      if (textField(doc, 'owner') !== actor.userId) return NOT_YOURS;
      if (parent && textField(parent.doc, 'owner') !== actor.userId) return 'You can only add to your own records.';
      return null;
    },
    mayUpdate: (actor, before) => (textField(before, 'owner') === actor.userId ? null : NOT_YOURS),
    fixedFields: [parentField],
  };
}

export const photoRule = childOfOwnedRecordRule('logEntries', 'entryId', (doc) => {
  const sha = textField(doc, 'sha256');
  return sha ? [indexBlobToken(sha)] : [];
});
