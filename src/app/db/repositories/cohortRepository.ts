import { newId } from '../../../domain/ids';
import { calendarEventContentSchema, type CalendarEvent, type CalendarEventContent } from '../../../domain/sets/calendarEvent';
import { cohortContentSchema, type Cohort } from '../../../domain/sets/cohort';
import { learningSetContentSchema, type LearningSet } from '../../../domain/sets/learningSet';
import { membershipContentSchema, type Membership } from '../../../domain/sets/membership';
import { isLive } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { markDeleted, markRestored } from './tombstones';

/** What a coordinator types for a cohort; the coordinators themselves are set on creation. */
export interface CohortDetails {
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

/** A calendar event as a coordinator edits it (its cohort is fixed when it is made). */
export type CalendarEventDetails = Omit<CalendarEventContent, 'cohortId'>;

const COHORT_FIELDS = ['name', 'startsOn', 'endsOn'] as const;
const EVENT_FIELDS = ['setId', 'kind', 'title', 'startsOn', 'endsOn', 'startTime', 'place'] as const;

/** Set meetings belong to one set; everything else is for the whole cohort. */
function eventContent(cohortId: string, details: Partial<CalendarEventDetails>): CalendarEventContent {
  const content = calendarEventContentSchema.parse({ ...details, cohortId });
  return content.kind === 'set_meeting' ? content : { ...content, setId: null };
}

/**
 * The coordinator's writes to a cohort's structure: the cohort, its sets, its programme
 * calendar and its people's memberships (moving between sets, withdrawing, reinstating). Reads
 * are in directoryRepository. Every write goes through writeRecordChange with the changed
 * fields only, so it never overrides what another coordinator changed meanwhile.
 */
export function createCohortRepository(db: SetwiseDatabase) {
  async function liveCohort(id: string): Promise<Cohort> {
    const cohort = await db.cohorts.get(id);
    if (!cohort || !isLive(cohort)) throw new Error('This cohort is not on this device.');
    return cohort;
  }

  async function liveSet(id: string): Promise<LearningSet> {
    const set = await db.learningSets.get(id);
    if (!set || !isLive(set)) throw new Error('This set is not on this device.');
    return set;
  }

  async function liveEvent(id: string): Promise<CalendarEvent> {
    const event = await db.calendarEvents.get(id);
    if (!event || !isLive(event)) throw new Error('This calendar event is not on this device.');
    return event;
  }

  async function liveMembership(id: string): Promise<Membership> {
    const membership = await db.memberships.get(id);
    if (!membership || !isLive(membership)) throw new Error('This person’s place in the cohort is not on this device.');
    return membership;
  }

  async function writeMembership(current: Membership, next: Partial<Membership>): Promise<Membership> {
    const after = membershipContentSchema.parse({ ...current, ...next });
    const fields = changedFields(current, after, ['setId', 'status', 'withdrawnOn']);
    if (Object.keys(fields).length === 0) return current;
    return writeRecordChange<Membership>(db, { table: 'memberships', recordId: current.id, fields });
  }

  return {
    /** A new cohort run by the person signed in on this device. */
    async createCohort(details: CohortDetails): Promise<Cohort> {
      const me = await getOwner(db);
      const content = cohortContentSchema.parse({ ...details, coordinatorIds: [me] });
      return writeRecordChange<Cohort>(db, { table: 'cohorts', recordId: newId(), fields: content, create: true });
    },

    async updateCohort(id: string, details: Partial<CohortDetails>): Promise<Cohort> {
      const current = await liveCohort(id);
      const after = cohortContentSchema.parse({ ...current, ...details });
      const fields = changedFields(current, after, COHORT_FIELDS);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<Cohort>(db, { table: 'cohorts', recordId: id, fields });
    },

    async createSet(cohortId: string, name: string): Promise<LearningSet> {
      await liveCohort(cohortId);
      const content = learningSetContentSchema.parse({ cohortId, name });
      return writeRecordChange<LearningSet>(db, { table: 'learningSets', recordId: newId(), fields: content, create: true });
    },

    async renameSet(id: string, name: string): Promise<LearningSet> {
      const current = await liveSet(id);
      const after = learningSetContentSchema.parse({ ...current, name });
      const fields = changedFields(current, after, ['name']);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<LearningSet>(db, { table: 'learningSets', recordId: id, fields });
    },

    async removeSet(id: string): Promise<void> {
      await liveSet(id);
      await markDeleted(db, 'learningSets', id);
    },

    async restoreSet(id: string): Promise<void> {
      await markRestored(db, 'learningSets', id);
    },

    async createEvent(cohortId: string, details: Partial<CalendarEventDetails>): Promise<CalendarEvent> {
      await liveCohort(cohortId);
      const content = eventContent(cohortId, details);
      return writeRecordChange<CalendarEvent>(db, { table: 'calendarEvents', recordId: newId(), fields: content, create: true });
    },

    async updateEvent(id: string, details: Partial<CalendarEventDetails>): Promise<CalendarEvent> {
      const current = await liveEvent(id);
      const before = calendarEventContentSchema.parse(current);
      const after = eventContent(current.cohortId, { ...before, ...details });
      const fields = changedFields(before, after, EVENT_FIELDS);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<CalendarEvent>(db, { table: 'calendarEvents', recordId: id, fields });
    },

    async removeEvent(id: string): Promise<void> {
      await liveEvent(id);
      await markDeleted(db, 'calendarEvents', id);
    },

    async restoreEvent(id: string): Promise<void> {
      await markRestored(db, 'calendarEvents', id);
    },

    /** Moves a participant or facilitator to another set of the same cohort. */
    async moveMember(membershipId: string, setId: string): Promise<Membership> {
      const current = await liveMembership(membershipId);
      if (current.role === 'coach') throw new Error('A coach belongs to no set: they coach one participant.');
      const set = await liveSet(setId);
      if (set.cohortId !== current.cohortId) throw new Error('That set is in another cohort.');
      return writeMembership(current, { setId });
    },

    /** They keep everything they wrote; the set's meeting notes stay with the set. */
    async withdrawMember(membershipId: string, withdrawnOn: string): Promise<Membership> {
      return writeMembership(await liveMembership(membershipId), { status: 'withdrawn', withdrawnOn });
    },

    async reinstateMember(membershipId: string): Promise<Membership> {
      return writeMembership(await liveMembership(membershipId), { status: 'active', withdrawnOn: null });
    },
  };
}
export type CohortRepository = ReturnType<typeof createCohortRepository>;
