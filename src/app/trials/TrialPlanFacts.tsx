import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { useLive } from '../db/useLiveRecords';

/** The plan step as written: why, with whom, when, how the impact will be judged. */
export function TrialPlanFacts({ trial }: { readonly trial: StrategyTrial }) {
  const challenge = useLive(async (repositories) => (await repositories.challenge.current()) ?? null);
  const notYet = <span className="muted">Not written yet</span>;
  return (
    <dl className="facts">
      <dt>Why</dt>
      <dd>{trial.why || notYet}</dd>
      <dt>With whom</dt>
      <dd>{trial.withWhom || notYet}</dd>
      <dt>Start</dt>
      <dd>{trial.startDate ? formatUkDate(trial.startDate) : notYet}</dd>
      <dt>Review by</dt>
      <dd>{trial.reviewDate ? formatUkDate(trial.reviewDate) : notYet}</dd>
      <dt>Judging the impact</dt>
      <dd>{trial.impactJudgement || notYet}</dd>
      <dt>Challenge</dt>
      <dd>
        {trial.challengeId === null ? (
          <span className="muted">Not linked to a challenge</span>
        ) : challenge === undefined ? null : challenge && challenge.id === trial.challengeId ? (
          // A link on its own in the list, not in a sentence: it needs a full-size touch target.
          <Link href="~/challenge" className="button button--quiet">
            {challenge.focus}
          </Link>
        ) : (
          'An earlier challenge'
        )}
      </dd>
    </dl>
  );
}
