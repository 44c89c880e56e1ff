import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';

export const ACTION_STATUSES = ['open', 'done', 'carried_over', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_WORDS: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  carried_over: 'Carried over',
  dropped: 'Dropped',
};

/** Fields the person an action is for may change (marking it done, moving its date). */
export const ASSIGNEE_ACTION_FIELDS = ['status', 'dueOn', 'completedOn'] as const;

/**
 * An action agreed at a meeting: what, who (assigneeId) and by when. At the next meeting open
 * actions are reviewed: marked done, or carried over, which makes a new action in the new
 * meeting (carriedFromId) and marks this one carried_over.
 */
export const meetingActionContentSchema = z.object({
  meetingId: z.string().min(1),
  setId: z.string().min(1),
  roundId: z.string().min(1).nullable().default(null),
  assigneeId: z.string().min(1),
  text: z.string().trim().min(1, { error: 'Say what will be done.' }).max(2000),
  dueOn: isoDateSchema.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('open'),
  completedOn: isoDateSchema.nullable().default(null),
  carriedFromId: z.string().min(1).nullable().default(null),
});
export type MeetingActionContent = z.infer<typeof meetingActionContentSchema>;

export const meetingActionSchema = syncedRecordSchema.extend(meetingActionContentSchema.shape);
export type MeetingAction = z.infer<typeof meetingActionSchema>;
