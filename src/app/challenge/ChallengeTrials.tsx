import { Link } from 'wouter';
import { TRIAL_STATUS_LABELS } from '../../domain/programme';
import { useLive } from '../db/useLiveRecords';
import { trialDatesText } from '../trials/trialText';

/** The strategies tried against this challenge, each a learning cycle of its own. */
export function ChallengeTrials({ challengeId }: { readonly challengeId: string }) {
  const trials = useLive(async (repositories) => {
    const all = await repositories.trials.list();
    return all.filter((trial) => trial.challengeId === challengeId);
  }, [challengeId]);

  return (
    <section aria-labelledby="challenge-trials-heading">
      <h2 id="challenge-trials-heading">Trials</h2>
      {trials !== undefined && trials.length === 0 ? (
        <p className="muted">A trial is one thing you try to move your challenge: plan it, do it, look at the evidence, decide what next.</p>
      ) : null}
      {trials && trials.length > 0 ? (
        <ul className="record-list">
          {trials.map((trial) => (
            <li key={trial.id}>
              <Link href={`~/trials/${trial.id}`}>
                <strong>{trial.what}</strong> <span className="status-tag">{TRIAL_STATUS_LABELS[trial.status]}</span>
                <span className="record-list__meta"> · {trialDatesText(trial)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <Link href="~/trials/new" className="button">
          Plan a trial
        </Link>
      </div>
    </section>
  );
}
