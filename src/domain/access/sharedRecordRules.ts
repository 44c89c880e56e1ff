import type { SyncTableName } from '../sync/syncTables';
import { canRead, textField } from './Access';
import { indexAboutToken, isIndexToken, userToken } from './audienceTokens';
import type { RecordRule } from './RecordRule';

/**
 * A comment: seen by whoever sees the item it is about (so unsharing the item hides its
 * comments too); written and changed by its author only.
 */
export const commentRule: RecordRule = {
  parentOf: (doc) => {
    const table = textField(doc, 'targetTable');
    const id = textField(doc, 'targetId');
    return table && id ? { table: table as SyncTableName, id } : undefined;
  },
  audience: (doc, parent) => {
    const inherited = (parent?.audience ?? []).filter((token) => !isIndexToken(token));
    const about = indexAboutToken(textField(doc, 'targetTable') ?? '', textField(doc, 'targetId') ?? '');
    return [...new Set([userToken(textField(doc, 'owner') ?? ''), ...inherited, about])];
  },
  mayCreate: (actor, doc, parent) => {
    if (textField(doc, 'owner') !== actor.userId) return 'A comment is written in your own name.';
    if (!parent || !canRead(actor, parent.audience)) return 'You can only comment on something shared with you.';
    return null;
  },
  mayUpdate: (actor, before) => (textField(before, 'owner') === actor.userId ? null : 'Only its author can change a comment.'),
  fixedFields: ['targetTable', 'targetId'],
};

/** Coaching notes: the coach and the one participant they coach, nobody else. */
export const coachingSessionRule: RecordRule = {
  audience: (doc) => [userToken(textField(doc, 'coachId') ?? ''), userToken(textField(doc, 'participantId') ?? '')],
  mayCreate: (actor, doc) => {
    const participantId = textField(doc, 'participantId') ?? '';
    if (textField(doc, 'coachId') === actor.userId && actor.coaches.has(participantId)) return null;
    if (participantId === actor.userId && textField(doc, 'coachId') !== actor.userId) return null;
    return 'Only a participant’s coach, or the participant, can add their coaching notes.';
  },
  mayUpdate: (actor, before) =>
    textField(before, 'coachId') === actor.userId || textField(before, 'participantId') === actor.userId
      ? null
      : 'Only the coach and the participant can change these coaching notes.',
  fixedFields: ['coachId', 'participantId'],
};
