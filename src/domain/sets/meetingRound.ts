import { z } from 'zod';
import { syncedRecordSchema } from '../syncedRecord';
import { MAX_NOTE_CHARS } from './meeting';

const noteText = z.string().max(MAX_NOTE_CHARS, { error: 'This is too long — keep it under 20,000 characters.' }).default('');

/** Fields the presenter may write in their own round (everything else is the facilitator's). */
export const PRESENTER_ROUND_FIELDS = ['update', 'questions', 'memberNotes'] as const;

/**
 * One member's round at one meeting: their update, the questions the set put to them, and
 * what they add afterwards. Actions agreed in the round are meetingAction records.
 */
export const meetingRoundContentSchema = z.object({
  meetingId: z.string().min(1),
  setId: z.string().min(1),
  presenterId: z.string().min(1),
  /** Order of presenting: lower first. */
  position: z.number().int().min(0).max(1000).default(0),
  update: noteText,
  questions: noteText,
  /** Suggestions, only when the presenter invites them. */
  suggestions: noteText,
  /** What the presenter adds to their own round afterwards. */
  memberNotes: noteText,
});
export type MeetingRoundContent = z.infer<typeof meetingRoundContentSchema>;

export const meetingRoundSchema = syncedRecordSchema.extend(meetingRoundContentSchema.shape);
export type MeetingRound = z.infer<typeof meetingRoundSchema>;
