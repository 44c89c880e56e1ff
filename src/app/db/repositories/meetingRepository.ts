import { newId } from '../../../domain/ids';
import { meetingContentSchema, type AttendanceMark, type Meeting, type MeetingContent } from '../../../domain/sets/meeting';
import { meetingRoundContentSchema, type MeetingRound, type MeetingRoundContent } from '../../../domain/sets/meetingRound';
import { isActiveMembership } from '../../../domain/sets/membership';
import { isLive } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { createMeetingActionFunctions } from './meetingActions';
import { listSharedWithSet } from './sharedWithSet';
import { markDeleted, markRestored } from './tombstones';

export interface StartMeetingInput {
  readonly setId: string;
  readonly heldOn: string;
  readonly place?: string;
}

/** What the facilitator may change about a meeting (the set it belongs to is fixed). */
export type MeetingChanges = Partial<Omit<MeetingContent, 'setId'>>;

/** What may change in a round (which meeting, set and presenter it is for are fixed). */
const ROUND_CHANGEABLE = ['position', 'update', 'questions', 'suggestions', 'memberNotes'] as const;
export type RoundChanges = Partial<Pick<MeetingRoundContent, (typeof ROUND_CHANGEABLE)[number]>>;

const byPosition = (a: MeetingRound, b: MeetingRound) => a.position - b.position || a.createdAt.localeCompare(b.createdAt);

/**
 * Set meetings and their rounds, as the facilitator writes them (and the presenter adds to
 * their own round). Actions agreed at meetings come from meetingActions.ts; what members share
 * with the set from sharedWithSet.ts. The server enforces who may write what
 * (src/domain/access/setRecordRules.ts); this code only offers what the rules allow.
 */
export function createMeetingRepository(db: SetwiseDatabase) {
  async function liveMeeting(id: string): Promise<Meeting> {
    const meeting = await db.meetings.get(id);
    if (!meeting || !isLive(meeting)) throw new Error('This meeting is not on this device any more.');
    return meeting;
  }

  async function liveRound(id: string): Promise<MeetingRound> {
    const round = await db.meetingRounds.get(id);
    if (!round || !isLive(round)) throw new Error('This round is not on this device any more.');
    return round;
  }

  async function listRounds(meetingId: string): Promise<MeetingRound[]> {
    return (await db.meetingRounds.where('meetingId').equals(meetingId).toArray()).filter(isLive).sort(byPosition);
  }

  function createRound(meeting: Meeting, presenterId: string, position: number): Promise<MeetingRound> {
    const content = meetingRoundContentSchema.parse({ meetingId: meeting.id, setId: meeting.setId, presenterId, position });
    return writeRecordChange<MeetingRound>(db, { table: 'meetingRounds', recordId: newId(), fields: content, create: true });
  }

  return {
    ...createMeetingActionFunctions(db),

    /**
     * Creates the meeting and a round for every active participant of the set, in the order
     * the set lists them — all in one transaction, so the notes never appear half made.
     */
    async startMeeting(input: StartMeetingInput): Promise<Meeting> {
      const content = meetingContentSchema.parse({ setId: input.setId, heldOn: input.heldOn, place: input.place ?? '' });
      const members = await db.memberships.where('setId').equals(input.setId).toArray();
      const presenters = members
        .filter((m) => m.role === 'participant' && isActiveMembership(m))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
      return db.transaction('rw', [db.meetings, db.meetingRounds, db.outbox, db.meta], async () => {
        const meeting = await writeRecordChange<Meeting>(db, { table: 'meetings', recordId: newId(), fields: content, create: true });
        for (const [position, presenter] of presenters.entries()) await createRound(meeting, presenter.userId, position);
        return meeting;
      });
    },

    /** Writes only the fields that differ from what is stored. */
    async updateMeeting(id: string, changes: MeetingChanges): Promise<Meeting> {
      const current = await liveMeeting(id);
      const before = meetingContentSchema.parse(current);
      const after = meetingContentSchema.parse({ ...before, ...changes, setId: before.setId });
      const fields = changedFields(before, after, Object.keys(changes));
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<Meeting>(db, { table: 'meetings', recordId: id, fields });
    },

    /** Marks one member present, sent apologies or absent; null clears the mark. */
    async setAttendance(meetingId: string, userId: string, mark: AttendanceMark | null): Promise<Meeting> {
      const current = await liveMeeting(meetingId);
      const attendance = { ...current.attendance };
      if (mark === null) delete attendance[userId];
      else attendance[userId] = mark;
      if (JSON.stringify(attendance) === JSON.stringify(current.attendance)) return current;
      return writeRecordChange<Meeting>(db, { table: 'meetings', recordId: meetingId, fields: { attendance } });
    },

    async removeMeeting(id: string): Promise<void> {
      await markDeleted(db, 'meetings', id);
    },

    async restoreMeeting(id: string): Promise<void> {
      await markRestored(db, 'meetings', id);
    },

    async getMeeting(id: string): Promise<Meeting | undefined> {
      const meeting = await db.meetings.get(id);
      return meeting && isLive(meeting) ? meeting : undefined;
    },

    /** Newest first. */
    async listMeetings(setId: string): Promise<Meeting[]> {
      const meetings = (await db.meetings.where('setId').equals(setId).toArray()).filter(isLive);
      return meetings.sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt));
    },

    /** Writes only the fields that differ from what is stored. */
    async updateRound(id: string, changes: RoundChanges): Promise<MeetingRound> {
      const current = await liveRound(id);
      const before = meetingRoundContentSchema.parse(current);
      const after = meetingRoundContentSchema.parse({ ...before, ...changes });
      const fields = changedFields(before, after, ROUND_CHANGEABLE);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<MeetingRound>(db, { table: 'meetingRounds', recordId: id, fields });
    },

    /** A round for someone who arrived late or joined the set since; theirs if it exists. */
    async addRound(meetingId: string, presenterId: string): Promise<MeetingRound> {
      const meeting = await liveMeeting(meetingId);
      const rounds = await listRounds(meetingId);
      const existing = rounds.find((round) => round.presenterId === presenterId);
      if (existing) return existing;
      const last = rounds.at(-1);
      return createRound(meeting, presenterId, last ? last.position + 1 : 0);
    },

    async removeRound(id: string): Promise<void> {
      await markDeleted(db, 'meetingRounds', id);
    },

    async restoreRound(id: string): Promise<void> {
      await markRestored(db, 'meetingRounds', id);
    },

    async getRound(id: string): Promise<MeetingRound | undefined> {
      const round = await db.meetingRounds.get(id);
      return round && isLive(round) ? round : undefined;
    },

    /** In presenting order. */
    listRounds,

    /** Challenges, trials, measures and log entries the set's other members share with it. */
    sharedWithSet: (setId: string) => listSharedWithSet(db, setId),
  };
}
export type MeetingRepository = ReturnType<typeof createMeetingRepository>;
