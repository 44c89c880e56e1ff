import { z } from 'zod';
import { isFarFuture } from '../../domain/dates';
import { NEXT_STEPS } from '../../domain/programme';
import { trialPlanSchema, trialReviewSchema, type StrategyTrial, type TrialReview } from '../../domain/strategyTrial';
import { collectIssues } from '../ui/formIssues';

/** A start date further ahead than this is questioned ("Is that date right?"), not refused. */
export const FAR_FUTURE_DAYS = 365;

export function isStartFarAhead(startDate: string, now: Date): boolean {
  return startDate !== '' && isFarFuture(startDate, now, FAR_FUTURE_DAYS);
}

/**
 * The plan step as typed (strings; '' for "no date" or "not linked"). The transform checks
 * it with the domain's trialPlanSchema, so "review before start" is refused inline.
 */
export function trialFormSchema(now: Date) {
  return z
    .object({
      what: z.string(),
      why: z.string(),
      withWhom: z.string(),
      startDate: z.string(),
      reviewDate: z.string(),
      impactJudgement: z.string(),
      challengeId: z.string(),
      confirmFarDate: z.boolean(),
    })
    .transform((values, ctx) => {
      const issues = collectIssues(ctx);
      const result = trialPlanSchema.safeParse({
        what: values.what,
        why: values.why,
        withWhom: values.withWhom,
        startDate: values.startDate || null,
        reviewDate: values.reviewDate || null,
        impactJudgement: values.impactJudgement,
        challengeId: values.challengeId || null,
      });
      if (!result.success) issues.addAll(result.error.issues);
      if (isStartFarAhead(values.startDate, now) && !values.confirmFarDate) {
        issues.add(['confirmFarDate'], 'Tick the box to keep this date, or change it.');
      }
      if (!result.success || issues.count > 0) return z.NEVER;
      return result.data;
    });
}
export type TrialFormValues = z.input<ReturnType<typeof trialFormSchema>>;
export type TrialFormOutput = z.output<ReturnType<typeof trialFormSchema>>;

export function trialFormValues(trial: StrategyTrial | null, defaultChallengeId: string | null): TrialFormValues {
  return {
    what: trial?.what ?? '',
    why: trial?.why ?? '',
    withWhom: trial?.withWhom ?? '',
    startDate: trial?.startDate ?? '',
    reviewDate: trial?.reviewDate ?? '',
    impactJudgement: trial?.impactJudgement ?? '',
    challengeId: (trial ? trial.challengeId : defaultChallengeId) ?? '',
    confirmFarDate: trial !== null,
  };
}

/** The review (evidence, learning, next step) as typed, checked with trialReviewSchema. */
export const reviewFormSchema = z
  .object({
    wentWell: z.string(),
    notEffective: z.string(),
    problems: z.string(),
    learning: z.string(),
    nextStep: z.enum(NEXT_STEPS).nullable(),
    nextStepNote: z.string(),
  })
  .transform((values, ctx) => {
    const result = trialReviewSchema.safeParse(values);
    if (!result.success) {
      collectIssues(ctx).addAll(result.error.issues);
      return z.NEVER;
    }
    return result.data;
  });
export type ReviewFormValues = z.input<typeof reviewFormSchema>;

export function reviewFormValues(review: TrialReview): ReviewFormValues {
  return { ...review };
}
