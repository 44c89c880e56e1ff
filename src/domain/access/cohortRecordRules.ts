import { textField, type Access, type Doc } from './Access';
import { cohortAdminToken, cohortToken, setToken, userToken } from './audienceTokens';
import type { RecordRule } from './RecordRule';

const COORDINATORS_ONLY = 'Only the cohort’s coordinators can change this.';

function coordinatorIds(doc: Doc): string[] {
  const ids = doc.coordinatorIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function coordinatesCohortOf(actor: Access, doc: Doc): boolean {
  const cohortId = textField(doc, 'cohortId');
  return cohortId !== undefined && actor.coordinates.has(cohortId);
}

/** The cohort: anyone with the coordinator role may start one and must list themselves. */
export const cohortRule: RecordRule = {
  audience: (doc) => [...coordinatorIds(doc).map(userToken), cohortAdminToken(textField(doc, 'id') ?? ''), cohortToken(textField(doc, 'id') ?? '')],
  mayCreate: (actor, doc) => {
    if (!actor.roles.includes('coordinator')) return 'Only a programme coordinator can start a cohort.';
    return coordinatorIds(doc).includes(actor.userId) ? null : 'List yourself as one of the cohort’s coordinators.';
  },
  mayUpdate: (actor, before, after) => {
    if (!coordinatorIds(before).includes(actor.userId)) return COORDINATORS_ONLY;
    return coordinatorIds(after).length > 0 ? null : 'A cohort needs at least one coordinator.';
  },
  fixedFields: [],
};

/** Sets and calendar events: the whole cohort sees them; coordinators write them. */
export const cohortWideRule: RecordRule = {
  audience: (doc) => [cohortAdminToken(textField(doc, 'cohortId') ?? ''), cohortToken(textField(doc, 'cohortId') ?? '')],
  mayCreate: (actor, doc) => (coordinatesCohortOf(actor, doc) ? null : COORDINATORS_ONLY),
  mayUpdate: (actor, before) => (coordinatesCohortOf(actor, before) ? null : COORDINATORS_ONLY),
  fixedFields: ['cohortId'],
};

/** Calendar events: as cohortWideRule, and a set's facilitator arranges that set's meetings. */
export const calendarEventRule: RecordRule = {
  ...cohortWideRule,
  mayCreate: (actor, doc) => (coordinatesCohortOf(actor, doc) || facilitatesSetMeeting(actor, doc) ? null : COORDINATORS_ONLY),
  mayUpdate: (actor, before, after) =>
    coordinatesCohortOf(actor, before) || (facilitatesSetMeeting(actor, before) && facilitatesSetMeeting(actor, after)) ? null : COORDINATORS_ONLY,
};

function facilitatesSetMeeting(actor: Access, doc: Doc): boolean {
  const setId = textField(doc, 'setId');
  return textField(doc, 'kind') === 'set_meeting' && setId !== undefined && actor.facilitates.has(setId);
}

/**
 * Memberships: the member, their set (names on the attendance list), a coach's coachee, and
 * the coordinators see them. Coordinators move people between sets and mark withdrawals; the
 * server writes new ones when an invitation is accepted.
 */
export const membershipRule: RecordRule = {
  audience: (doc) => {
    const tokens = [userToken(textField(doc, 'userId') ?? ''), cohortAdminToken(textField(doc, 'cohortId') ?? '')];
    const setId = textField(doc, 'setId');
    if (setId) tokens.push(setToken(setId));
    const coacheeId = textField(doc, 'coacheeId');
    if (coacheeId) tokens.push(userToken(coacheeId));
    return tokens;
  },
  mayCreate: (actor, doc) => (coordinatesCohortOf(actor, doc) ? null : COORDINATORS_ONLY),
  mayUpdate: (actor, before) => (coordinatesCohortOf(actor, before) ? null : COORDINATORS_ONLY),
  fixedFields: ['cohortId', 'userId', 'role'],
};
