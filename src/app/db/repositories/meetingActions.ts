import { toIsoDate } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { meetingActionContentSchema, type MeetingAction, type MeetingActionContent } from '../../../domain/sets/meetingAction';
import { isActiveMembership } from '../../../domain/sets/membership';
import { isLive } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { markDeleted, markRestored } from './tombstones';

export interface NewActionInput {
  readonly meetingId: string;
  readonly roundId?: string | null;
  readonly assigneeId: string;
  readonly text: string;
  readonly dueOn?: string | null;
}

/** What may change in an action: who it is for, and where it was agreed, are fixed (server rules). */
const ACTION_CHANGEABLE = ['text', 'dueOn', 'status', 'completedOn', 'roundId'] as const;
export type ActionChanges = Partial<Pick<MeetingActionContent, (typeof ACTION_CHANGEABLE)[number]>>;

/** How far ahead "due this week" looks, in days. */
export const DUE_SOON_DAYS = 7;

const oldestFirst = (a: MeetingAction, b: MeetingAction) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00`);
  date.setDate(date.getDate() + days);
  return toIsoDate(date);
}

/**
 * Actions agreed at set meetings: what, who, by when. Open actions are reviewed at the next
 * meeting — marked done, or carried over into it. Part of the meeting repository.
 */
export function createMeetingActionFunctions(db: SetwiseDatabase) {
  async function liveAction(id: string): Promise<MeetingAction> {
    const action = await db.meetingActions.get(id);
    if (!action || !isLive(action)) throw new Error('This action is not on this device any more.');
    return action;
  }

  async function liveMeetingSetId(meetingId: string): Promise<string> {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || !isLive(meeting)) throw new Error('This meeting is not on this device any more.');
    return meeting.setId;
  }

  async function updateAction(id: string, changes: ActionChanges): Promise<MeetingAction> {
    const current = await liveAction(id);
    const before = meetingActionContentSchema.parse(current);
    const after = meetingActionContentSchema.parse({ ...before, ...changes });
    const fields = changedFields(before, after, ACTION_CHANGEABLE);
    if (Object.keys(fields).length === 0) return current;
    return writeRecordChange<MeetingAction>(db, { table: 'meetingActions', recordId: id, fields });
  }

  return {
    async addAction(input: NewActionInput): Promise<MeetingAction> {
      const setId = await liveMeetingSetId(input.meetingId);
      const content = meetingActionContentSchema.parse({
        meetingId: input.meetingId,
        setId,
        roundId: input.roundId ?? null,
        assigneeId: input.assigneeId,
        text: input.text,
        dueOn: input.dueOn || null,
      });
      return writeRecordChange<MeetingAction>(db, { table: 'meetingActions', recordId: newId(), fields: content, create: true });
    },

    /** Writes only the fields that differ from what is stored. */
    updateAction,

    async markActionDone(id: string, today: string): Promise<MeetingAction> {
      return updateAction(id, { status: 'done', completedOn: today });
    },

    /** Back to open (e.g. "Undo" after marking it done by mistake). */
    async reopenAction(id: string): Promise<MeetingAction> {
      return updateAction(id, { status: 'open', completedOn: null });
    },

    /**
     * Brings an open action into a later meeting: a new open action there (same text, person
     * and date, in that person's round if they have one, remembering where it came from), and
     * the old one marked carried over — both in one transaction. Returns the new action.
     */
    async carryOver(actionId: string, intoMeetingId: string): Promise<MeetingAction> {
      return db.transaction('rw', [db.meetings, db.meetingRounds, db.meetingActions, db.outbox, db.meta], async () => {
        const old = await liveAction(actionId);
        if (old.status !== 'open') throw new Error('Only an open action can be carried over.');
        if (old.meetingId === intoMeetingId) throw new Error('This action already belongs to this meeting.');
        const setId = await liveMeetingSetId(intoMeetingId);
        if (setId !== old.setId) throw new Error('An action can only be carried over within its own set.');
        const rounds = await db.meetingRounds.where('meetingId').equals(intoMeetingId).toArray();
        const round = rounds.find((r) => isLive(r) && r.presenterId === old.assigneeId);
        const content = meetingActionContentSchema.parse({
          meetingId: intoMeetingId,
          setId,
          roundId: round?.id ?? null,
          assigneeId: old.assigneeId,
          text: old.text,
          dueOn: old.dueOn,
          carriedFromId: old.id,
        });
        const carried = await writeRecordChange<MeetingAction>(db, {
          table: 'meetingActions',
          recordId: newId(),
          fields: content,
          create: true,
        });
        await writeRecordChange(db, { table: 'meetingActions', recordId: old.id, fields: { status: 'carried_over' } });
        return carried;
      });
    },

    async removeAction(id: string): Promise<void> {
      await markDeleted(db, 'meetingActions', id);
    },

    async restoreAction(id: string): Promise<void> {
      await markRestored(db, 'meetingActions', id);
    },

    /** In the order they were agreed. */
    async listActions(meetingId: string): Promise<MeetingAction[]> {
      return (await db.meetingActions.where('meetingId').equals(meetingId).toArray()).filter(isLive).sort(oldestFirst);
    },

    /**
     * Open actions agreed at the set's meetings held before `beforeHeldOn`, oldest meeting
     * first: what a new meeting reviews first, to mark done or carry over.
     */
    async openActionsFromEarlierMeetings(setId: string, beforeHeldOn: string): Promise<MeetingAction[]> {
      const earlier = (await db.meetings.where('setId').equals(setId).toArray()).filter((m) => isLive(m) && m.heldOn < beforeHeldOn);
      const heldOn = new Map(earlier.map((m) => [m.id, m.heldOn]));
      const actions = (await db.meetingActions.where('setId').equals(setId).toArray()).filter(
        (action) => isLive(action) && action.status === 'open' && heldOn.has(action.meetingId),
      );
      return actions.sort((a, b) => (heldOn.get(a.meetingId) ?? '').localeCompare(heldOn.get(b.meetingId) ?? '') || oldestFirst(a, b));
    },

    /**
     * Open actions for `userId` in the sets they are active in, due within the next
     * DUE_SOON_DAYS days or already overdue, soonest first.
     */
    async actionsDueThisWeek(userId: string, today: string): Promise<MeetingAction[]> {
      const memberships = await db.memberships.where('userId').equals(userId).toArray();
      const setIds = new Set(memberships.filter((m) => isActiveMembership(m) && m.role !== 'coach' && m.setId).map((m) => m.setId));
      const until = addDays(today, DUE_SOON_DAYS);
      const actions = (await db.meetingActions.where('assigneeId').equals(userId).toArray()).filter(
        (action) => isLive(action) && action.status === 'open' && setIds.has(action.setId) && action.dueOn !== null && action.dueOn <= until,
      );
      return actions.sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || oldestFirst(a, b));
    },

    async getAction(id: string): Promise<MeetingAction | undefined> {
      const action = await db.meetingActions.get(id);
      return action && isLive(action) ? action : undefined;
    },
  };
}
