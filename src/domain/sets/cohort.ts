import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';

/** A year-long programme run by one or more coordinators; it holds sets and a calendar. */
export const cohortContentSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Give the cohort a name, e.g. "Northfield leaders 2026–27".' }).max(200),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    /** User ids of the people who run it: they may change it, its sets, calendar and members. */
    coordinatorIds: z.array(z.string().min(1)).min(1).max(20),
  })
  .refine((cohort) => cohort.endsOn >= cohort.startsOn, { error: 'The cohort must end after it starts.', path: ['endsOn'] });
export type CohortContent = z.infer<typeof cohortContentSchema>;

export const cohortSchema = syncedRecordSchema.extend(cohortContentSchema.shape);
export type Cohort = z.infer<typeof cohortSchema>;
