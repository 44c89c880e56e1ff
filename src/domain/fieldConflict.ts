import { z } from 'zod';

/** The version of a long-text field that lost a concurrent edit, kept until the person chooses. */
export const fieldConflictSchema = z.object({
  value: z.unknown(),
  stamp: z.string(),
  at: z.string(),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;
export const fieldConflictsSchema = z.record(z.string(), fieldConflictSchema);
export type FieldConflicts = z.infer<typeof fieldConflictsSchema>;
