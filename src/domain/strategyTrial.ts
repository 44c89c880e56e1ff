import { z } from 'zod';
import { isoDateSchema } from './dates';
import { NEXT_STEPS, TRIAL_STATUSES } from './programme';
import { syncedRecordSchema, VISIBILITIES } from './syncedRecord';

const text = (max: number) => z.string().trim().max(max, { error: `Keep this under ${max.toLocaleString('en-GB')} characters.` });
const WHAT_MISSING = 'Say what you will try — pick one or write your own.';

/** The learning cycle's evidence and learning steps, filled in when the trial is reviewed. */
export const trialReviewSchema = z.object({
  wentWell: text(20_000).default(''),
  notEffective: text(20_000).default(''),
  problems: text(20_000).default(''),
  learning: text(20_000).default(''),
  nextStep: z.enum(NEXT_STEPS).nullable().default(null),
  nextStepNote: text(20_000).default(''),
});
export type TrialReview = z.infer<typeof trialReviewSchema>;

export const EMPTY_TRIAL_REVIEW: TrialReview = {
  wentWell: '',
  notEffective: '',
  problems: '',
  learning: '',
  nextStep: null,
  nextStepNote: '',
};

/** Plan step of the cycle: what, why, with whom, by when, how impact will be judged. */
export const trialPlanSchema = z
  .object({
    what: z
      .string({ error: WHAT_MISSING })
      .trim()
      .max(300, { error: 'Keep this under 300 characters.' })
      .min(1, { error: WHAT_MISSING }),
    why: text(20_000).default(''),
    withWhom: text(2_000).default(''),
    startDate: isoDateSchema.nullable().default(null),
    reviewDate: isoDateSchema.nullable().default(null),
    impactJudgement: text(20_000).default(''),
    challengeId: z.string().nullable().default(null),
    visibility: z.enum(VISIBILITIES).default('private'),
  })
  .refine((plan) => !plan.startDate || !plan.reviewDate || plan.reviewDate >= plan.startDate, {
    error: 'The review date comes before the start date.',
    path: ['reviewDate'],
  });
export type TrialPlan = z.infer<typeof trialPlanSchema>;

export const strategyTrialSchema = syncedRecordSchema.extend({
  ...trialPlanSchema.shape,
  status: z.enum(TRIAL_STATUSES).default('planned'),
  review: trialReviewSchema.default(EMPTY_TRIAL_REVIEW),
});
export type StrategyTrial = z.infer<typeof strategyTrialSchema>;

/** Status moves along the cycle; a done trial can be reopened only to 'reviewing'. */
export function allowedNextStatuses(status: StrategyTrial['status']): StrategyTrial['status'][] {
  switch (status) {
    case 'planned':
      return ['under_way'];
    case 'under_way':
      return ['reviewing', 'planned'];
    case 'reviewing':
      return ['done', 'under_way'];
    case 'done':
      return ['reviewing'];
  }
}
