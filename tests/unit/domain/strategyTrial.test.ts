import { describe, expect, it } from 'vitest';
import { TRIAL_STATUSES, type TrialStatus } from '../../../src/domain/programme';
import { allowedNextStatuses, trialPlanSchema, trialReviewSchema } from '../../../src/domain/strategyTrial';

function messagesAt(input: unknown): Record<string, string[]> {
  const result = trialPlanSchema.safeParse(input);
  const out: Record<string, string[]> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

const WHAT_MESSAGE = 'Say what you will try — pick one or write your own.';

describe('trialPlanSchema', () => {
  it('accepts a plan with only "what", trimming it and filling defaults', () => {
    expect(trialPlanSchema.parse({ what: '  Peer coaching ' })).toEqual({
      what: 'Peer coaching',
      why: '',
      withWhom: '',
      startDate: null,
      reviewDate: null,
      impactJudgement: '',
      challengeId: null,
      visibility: 'private',
    });
  });

  it('asks what will be tried when it is blank or left out', () => {
    expect(messagesAt({ what: '  ' })).toEqual({ what: [WHAT_MESSAGE] });
    expect(messagesAt({})).toEqual({ what: [WHAT_MESSAGE] });
  });

  it('refuses a review date before the start date', () => {
    expect(messagesAt({ what: 'Lesson study', startDate: '2026-05-14', reviewDate: '2026-05-13' })).toEqual({
      reviewDate: ['The review date comes before the start date.'],
    });
  });

  it.each([
    ['2026-05-14', '2026-05-14'],
    ['2026-05-14', '2026-07-01'],
    [null, '2026-01-01'],
    ['2026-05-14', null],
  ])('accepts start %s with review %s', (startDate, reviewDate) => {
    expect(trialPlanSchema.safeParse({ what: 'Lesson study', startDate, reviewDate }).success).toBe(true);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(messagesAt({ what: 'Lesson study', startDate: '14/05/2026' })).toEqual({ startDate: ['Enter a valid date.'] });
  });

  it('refuses a "what" over 300 characters with a plain message', () => {
    expect(messagesAt({ what: 'x'.repeat(301) })).toEqual({ what: ['Keep this under 300 characters.'] });
  });
});

describe('trialReviewSchema', () => {
  it('fills an empty review and accepts only continue, refine or switch as next step', () => {
    expect(trialReviewSchema.parse({})).toEqual({
      wentWell: '',
      notEffective: '',
      problems: '',
      learning: '',
      nextStep: null,
      nextStepNote: '',
    });
    expect(trialReviewSchema.safeParse({ nextStep: 'refine' }).success).toBe(true);
    expect(trialReviewSchema.safeParse({ nextStep: 'abandon' }).success).toBe(false);
  });
});

describe('allowedNextStatuses', () => {
  const table: [TrialStatus, TrialStatus[]][] = [
    ['planned', ['under_way']],
    ['under_way', ['reviewing', 'planned']],
    ['reviewing', ['done', 'under_way']],
    ['done', ['reviewing']],
  ];

  it.each(table)('%s → %j', (status, expected) => {
    expect(allowedNextStatuses(status)).toEqual(expected);
  });

  it('never offers the current status or an unknown one, and can reach every status', () => {
    const reachable = new Set<TrialStatus>(['planned']);
    for (const status of TRIAL_STATUSES) {
      const next = allowedNextStatuses(status);
      expect(next).not.toContain(status);
      for (const s of next) {
        expect(TRIAL_STATUSES).toContain(s);
        reachable.add(s);
      }
    }
    expect([...reachable].sort()).toEqual([...TRIAL_STATUSES].sort());
  });

  it('does not let a planned trial jump straight to done', () => {
    expect(allowedNextStatuses('planned')).not.toContain('done');
  });
});
