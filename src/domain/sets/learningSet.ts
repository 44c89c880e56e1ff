import { z } from 'zod';
import { syncedRecordSchema } from '../syncedRecord';

/** An action learning set: 5–8 participants and a facilitator within one cohort. */
export const learningSetContentSchema = z.object({
  cohortId: z.string().min(1),
  name: z.string().trim().min(1, { error: 'Give the set a name, e.g. "Set A — primary".' }).max(120),
});
export type LearningSetContent = z.infer<typeof learningSetContentSchema>;

export const learningSetSchema = syncedRecordSchema.extend(learningSetContentSchema.shape);
export type LearningSet = z.infer<typeof learningSetSchema>;
