import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';
import { MAX_NOTE_CHARS } from './meeting';

const noteText = z.string().max(MAX_NOTE_CHARS, { error: 'This is too long — keep it under 20,000 characters.' }).default('');

/** A coaching session's notes, shared between one coach and one participant only. */
export const coachingSessionContentSchema = z.object({
  coachId: z.string().min(1),
  participantId: z.string().min(1),
  heldOn: isoDateSchema,
  focus: z.string().trim().max(300).default(''),
  notes: noteText,
  nextSteps: noteText,
});
export type CoachingSessionContent = z.infer<typeof coachingSessionContentSchema>;

export const coachingSessionSchema = syncedRecordSchema.extend(coachingSessionContentSchema.shape);
export type CoachingSession = z.infer<typeof coachingSessionSchema>;
