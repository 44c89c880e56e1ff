import { formatUkDate } from '../../domain/dates';
import type { TrialStatus } from '../../domain/programme';
import type { StrategyTrial } from '../../domain/strategyTrial';

/** The button that moves a trial along its cycle, in the person's words. */
export function moveLabel(from: TrialStatus, to: TrialStatus): string {
  switch (to) {
    case 'under_way':
      return from === 'planned' ? 'Start the trial' : 'Back to doing it';
    case 'reviewing':
      return from === 'done' ? 'Reopen the review' : 'Review it';
    case 'planned':
      return 'Back to planning';
    case 'done':
      return 'Mark as done';
  }
}

/** "Starts 14 May 2026 · review by 1 July 2026". */
export function trialDatesText(trial: Pick<StrategyTrial, 'startDate' | 'reviewDate'>): string {
  const parts = [
    trial.startDate ? `Starts ${formatUkDate(trial.startDate)}` : null,
    trial.reviewDate ? `review by ${formatUkDate(trial.reviewDate)}` : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return 'No dates yet';
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
