import { cohortAdminToken, cohortToken, setToken } from '../../domain/access/audienceTokens';
import type { CohortOverview } from '../../domain/sets/cohortApi';
import { meetingSchema, type Meeting } from '../../domain/sets/meeting';
import { membershipSchema, type Membership } from '../../domain/sets/membership';
import type { Store, StoredRecord } from '../storage/Store';
import { fieldText } from './replies';

const DAY_MS = 24 * 60 * 60 * 1000;

function parsed<T>(records: readonly StoredRecord[], schema: { safeParse(doc: unknown): { success: true; data: T } | { success: false } }): T[] {
  return records.flatMap((record) => {
    const result = schema.safeParse(record.doc);
    return result.success ? [result.data] : [];
  });
}

/**
 * The coordinator's overview: counts, never content. Meetings held per set, attendance, how
 * many members wrote anything in the last 30 days, and each participant's number of entries.
 * Reads records only to count them; no text of any record leaves this function.
 */
export async function buildCohortOverview(store: Store, cohortId: string, now: Date): Promise<CohortOverview> {
  const [setRecords, memberRecords] = await Promise.all([
    store.findRecordsByToken(cohortToken(cohortId), 'learningSets'),
    store.findRecordsByToken(cohortAdminToken(cohortId), 'memberships'),
  ]);
  const sets = setRecords.filter((record) => record.doc.deletedAt == null);
  const participants = parsed<Membership>(memberRecords, membershipSchema).filter((m) => m.role === 'participant' && m.deletedAt == null);
  const activity = new Map((await store.ownerActivity(participants.map((m) => m.userId))).map((row) => [row.owner, row]));
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const today = now.toISOString().slice(0, 10);
  const isActive = (userId: string) => (activity.get(userId)?.lastActiveAt ?? '') >= since;

  const setOverviews = await Promise.all(
    sets.map(async (set) => {
      const meetings = parsed<Meeting>(await store.findRecordsByToken(setToken(set.id), 'meetings'), meetingSchema).filter(
        (meeting) => meeting.deletedAt == null && meeting.heldOn <= today,
      );
      const marks = meetings.flatMap((meeting) => Object.values(meeting.attendance));
      const members = participants.filter((m) => m.setId === set.id && m.status === 'active');
      return {
        setId: set.id,
        name: fieldText(set.doc, 'name') ?? 'Set',
        participants: members.length,
        meetingsHeld: meetings.length,
        attendanceRate: marks.length === 0 ? null : marks.filter((mark) => mark === 'present').length / marks.length,
        activeLast30Days: members.filter((m) => isActive(m.userId)).length,
      };
    }),
  );
  return {
    cohortId,
    generatedAt: now.toISOString(),
    sets: setOverviews,
    participants: participants.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      setId: m.setId,
      status: m.status,
      entries: activity.get(m.userId)?.entries ?? 0,
      activeLast30Days: isActive(m.userId),
    })),
  };
}
