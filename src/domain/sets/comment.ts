import { z } from 'zod';
import { syncedRecordSchema } from '../syncedRecord';

/** Record tables a comment may be about: things a set shares. */
export const COMMENTABLE_TABLES = ['logEntries', 'challenges', 'trials', 'measures', 'meetings', 'meetingRounds', 'meetingActions'] as const;
export type CommentableTable = (typeof COMMENTABLE_TABLES)[number];

/** A comment by a member or facilitator on an item shared with them; seen by whoever sees the item. */
export const commentContentSchema = z.object({
  targetTable: z.enum(COMMENTABLE_TABLES),
  targetId: z.string().min(1),
  body: z.string().trim().min(1, { error: 'Write a comment first.' }).max(5000, { error: 'Keep a comment under 5,000 characters.' }),
  /** The author's name as their set knows it, so the comment reads well offline. */
  authorName: z.string().trim().max(120).default(''),
});
export type CommentContent = z.infer<typeof commentContentSchema>;

export const commentSchema = syncedRecordSchema.extend(commentContentSchema.shape);
export type Comment = z.infer<typeof commentSchema>;
