import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';

export const ATTENDANCE_MARKS = ['present', 'apologies', 'absent'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
export const ATTENDANCE_WORDS: Record<AttendanceMark, string> = { present: 'Present', apologies: 'Apologies', absent: 'Absent' };

export const MAX_NOTE_CHARS = 20_000;
const noteText = z.string().max(MAX_NOTE_CHARS, { error: 'This is too long — keep it under 20,000 characters.' }).default('');

/** Meeting mode's steps, in the order action learning runs a set. */
export const MEETING_STAGES = ['check_in', 'rounds', 'commitments', 'closed'] as const;
export type MeetingStage = (typeof MEETING_STAGES)[number];

/**
 * One set meeting, written by its facilitator. Rounds and actions are records of their own
 * (meetingRound.ts, meetingAction.ts) so that people editing different rounds never collide.
 */
export const meetingContentSchema = z.object({
  setId: z.string().min(1),
  heldOn: isoDateSchema,
  place: z.string().trim().max(200).default(''),
  /** userId → mark; members not listed have not been marked yet. */
  attendance: z.record(z.string().min(1), z.enum(ATTENDANCE_MARKS)).default({}),
  checkIn: noteText,
  /** The set's shared learning points. */
  sharedLearning: noteText,
  /** Minutes each presenter gets in meeting mode. */
  roundMinutes: z.number().int().min(1).max(120).default(20),
  stage: z.enum(MEETING_STAGES).default('check_in'),
});
export type MeetingContent = z.infer<typeof meetingContentSchema>;

export const meetingSchema = syncedRecordSchema.extend(meetingContentSchema.shape);
export type Meeting = z.infer<typeof meetingSchema>;
