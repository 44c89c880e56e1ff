import { ASSIGNEE_ACTION_FIELDS } from '../sets/meetingAction';
import { PRESENTER_ROUND_FIELDS } from '../sets/meetingRound';
import { textField, type Access, type Doc } from './Access';
import { setToken } from './audienceTokens';
import type { RecordRule } from './RecordRule';

const FACILITATOR_ONLY = 'Only the set’s facilitator can change the meeting notes.';

function facilitates(actor: Access, doc: Doc): boolean {
  const setId = textField(doc, 'setId');
  return setId !== undefined && actor.facilitates.has(setId);
}

function inSet(actor: Access, doc: Doc): boolean {
  const setId = textField(doc, 'setId');
  return setId !== undefined && actor.memberOf.has(setId);
}

function onlyChanges(changed: ReadonlySet<string>, allowed: readonly string[]): boolean {
  return [...changed].every((field) => allowed.includes(field));
}

const setAudience = (doc: Doc): string[] => [setToken(textField(doc, 'setId') ?? '')];

/** A meeting: the set reads it, its facilitator writes it. */
export const meetingRule: RecordRule = {
  audience: setAudience,
  mayCreate: (actor, doc) => (facilitates(actor, doc) ? null : FACILITATOR_ONLY),
  mayUpdate: (actor, before) => (facilitates(actor, before) ? null : FACILITATOR_ONLY),
  fixedFields: ['setId'],
};

/** A round: the facilitator writes it; the presenter may add to their own. */
export const meetingRoundRule: RecordRule = {
  audience: setAudience,
  mayCreate: (actor, doc) => (facilitates(actor, doc) ? null : FACILITATOR_ONLY),
  mayUpdate: (actor, before, _after, changed) => {
    if (facilitates(actor, before)) return null;
    if (textField(before, 'presenterId') === actor.userId && inSet(actor, before)) {
      return onlyChanges(changed, PRESENTER_ROUND_FIELDS) ? null : 'You can add your update, the questions and your notes to your own round.';
    }
    return FACILITATOR_ONLY;
  },
  fixedFields: ['setId', 'meetingId', 'presenterId'],
};

/** An action: the facilitator writes it; a member adds their own and marks theirs done. */
export const meetingActionRule: RecordRule = {
  audience: setAudience,
  mayCreate: (actor, doc) =>
    facilitates(actor, doc) || (inSet(actor, doc) && textField(doc, 'assigneeId') === actor.userId) ? null : FACILITATOR_ONLY,
  mayUpdate: (actor, before, _after, changed) => {
    if (facilitates(actor, before)) return null;
    if (textField(before, 'assigneeId') === actor.userId && inSet(actor, before)) {
      return onlyChanges(changed, ASSIGNEE_ACTION_FIELDS) ? null : 'You can mark your own actions done or move their date.';
    }
    return FACILITATOR_ONLY;
  },
  fixedFields: ['setId', 'meetingId', 'assigneeId'],
};
