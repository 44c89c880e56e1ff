import type { ChallengeContent } from '../../domain/challenge';

/** What each part of the challenge is called on screen. */
export const CHALLENGE_FIELD_LABELS: Record<keyof ChallengeContent, string> = {
  focus: 'Focus',
  issue: 'The issue or concern',
  desiredOutcomes: 'Desired outcomes',
  baseline: 'Baseline',
  successCriteria: 'Success criteria',
  themes: 'Themes',
  visibility: 'Who can see it',
};
