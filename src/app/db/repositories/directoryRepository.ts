import type { Visibility } from '../../../domain/syncedRecord';
import type { CalendarEvent } from '../../../domain/sets/calendarEvent';
import type { Cohort } from '../../../domain/sets/cohort';
import type { LearningSet } from '../../../domain/sets/learningSet';
import { isActiveMembership, type Membership } from '../../../domain/sets/membership';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/** Who sees an item with a given visibility, for the words on it ("Your set (6 people)"). */
export interface Audience {
  /** Active participants and the facilitator of the owner's set, the owner excluded. */
  readonly setPeople: number;
  /** The owner's active coach's name, or null when they have none. */
  readonly coachName: string | null;
  readonly hasSet: boolean;
}

const live = <T extends { deletedAt?: string | null }>(rows: T[]): T[] => rows.filter((row) => row.deletedAt == null);

/**
 * The cohort's structure as this device knows it (synced records: cohorts, sets, memberships,
 * calendar), read offline. Written by coordinators (cohortRepository) and, for memberships,
 * by the server when an invitation is accepted.
 */
export function createDirectoryRepository(db: SetwiseDatabase) {
  async function myMemberships(): Promise<Membership[]> {
    const me = await getOwner(db);
    return live(await db.memberships.where('userId').equals(me).toArray());
  }

  return {
    /** The signed-in person's user id (or 'local' before the first sign-in). */
    me: () => getOwner(db),

    myMemberships,

    async myActiveMemberships(): Promise<Membership[]> {
      return (await myMemberships()).filter(isActiveMembership);
    },

    /** Sets this person is an active participant or facilitator of. */
    async mySets(): Promise<{ set: LearningSet; role: Membership['role'] }[]> {
      const memberships = (await myMemberships()).filter((m) => isActiveMembership(m) && m.role !== 'coach' && m.setId);
      const sets = await db.learningSets.bulkGet(memberships.map((m) => m.setId as string));
      return memberships.flatMap((m, index) => {
        const set = sets[index];
        return set && set.deletedAt == null ? [{ set, role: m.role }] : [];
      });
    },

    /** Everyone in a set, active first, facilitator first, then by name. */
    async setMembers(setId: string): Promise<Membership[]> {
      const members = live(await db.memberships.where('setId').equals(setId).toArray()).filter((m) => m.role !== 'coach');
      return members.sort(
        (a, b) =>
          Number(!isActiveMembership(a)) - Number(!isActiveMembership(b)) ||
          Number(a.role !== 'facilitator') - Number(b.role !== 'facilitator') ||
          a.displayName.localeCompare(b.displayName),
      );
    },

    async cohorts(): Promise<Cohort[]> {
      return live(await db.cohorts.toArray()).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    },

    async cohortsICoordinate(): Promise<Cohort[]> {
      const me = await getOwner(db);
      return live(await db.cohorts.toArray()).filter((cohort) => cohort.coordinatorIds.includes(me));
    },

    async sets(cohortId: string): Promise<LearningSet[]> {
      return live(await db.learningSets.where('cohortId').equals(cohortId).toArray()).sort((a, b) => a.name.localeCompare(b.name));
    },

    async cohortMembers(cohortId: string): Promise<Membership[]> {
      return live(await db.memberships.where('cohortId').equals(cohortId).toArray()).sort((a, b) => a.displayName.localeCompare(b.displayName));
    },

    async calendar(cohortId?: string): Promise<CalendarEvent[]> {
      const rows = cohortId ? await db.calendarEvents.where('cohortId').equals(cohortId).toArray() : await db.calendarEvents.toArray();
      return live(rows).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.startTime.localeCompare(b.startTime));
    },

    /** Display name of a user as the memberships this device holds know them. */
    async nameOf(userId: string): Promise<string | undefined> {
      return live(await db.memberships.where('userId').equals(userId).toArray())[0]?.displayName;
    },

    /** Who would see this person's items for each visibility (for the words on each item). */
    async myAudience(): Promise<Audience> {
      const me = await getOwner(db);
      const mine = (await myMemberships()).filter(isActiveMembership);
      const setId = mine.find((m) => m.role === 'participant' && m.setId)?.setId ?? null;
      const setPeople = setId
        ? live(await db.memberships.where('setId').equals(setId).toArray()).filter((m) => isActiveMembership(m) && m.userId !== me && m.role !== 'coach').length
        : 0;
      const coach = live(await db.memberships.toArray()).find((m) => m.role === 'coach' && m.coacheeId === me && isActiveMembership(m));
      return { setPeople, coachName: coach?.displayName ?? null, hasSet: setId !== null };
    },
  };
}

/** "Only you", "Your set (6 people)", "You and your coach (Sam Lee)"… for an item's visibility. */
export function describeAudience(visibility: Visibility, audience: Audience): string {
  const set = audience.hasSet ? `Your set (${audience.setPeople} ${audience.setPeople === 1 ? 'person' : 'people'})` : 'Your set (when you join one)';
  const coach = audience.coachName ? `your coach (${audience.coachName})` : 'your coach (when you have one)';
  switch (visibility) {
    case 'private':
      return 'Only you';
    case 'set':
      return set;
    case 'coach':
      return `You and ${coach}`;
    case 'set_and_coach':
      return `${set} and ${coach}`;
  }
}
