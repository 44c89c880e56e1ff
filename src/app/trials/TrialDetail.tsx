import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { TRIAL_STATUS_LABELS, type TrialStatus } from '../../domain/programme';
import { allowedNextStatuses } from '../../domain/strategyTrial';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { VisibilityControl } from '../ui/VisibilityControl';
import { CycleReviewForm } from './CycleReviewForm';
import { ReviewSummary } from './ReviewSummary';
import { StatusSteps } from './StatusSteps';
import { TrialMeasures } from './TrialMeasures';
import { TrialPlanFacts } from './TrialPlanFacts';
import { moveLabel } from './trialText';
import { FormError } from '../ui/FormError';

/** One trial as a learning cycle: the plan, where it is now, the review, what next. */
export function TrialDetail({ id }: { readonly id: string }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);
  const [problem, setProblem] = useState<string | null>(null);
  const trial = useLive(async (r) => (await r.trials.get(id)) ?? null, [id]);
  if (trial === undefined) return null;
  if (trial === null) {
    return (
      <section aria-labelledby="trial-title">
        <h2 id="trial-title">Trial not found</h2>
        <p>This trial is not on this device any more — it may have been deleted.</p>
      </section>
    );
  }
  const trialId = trial.id;

  async function move(to: TrialStatus) {
    setProblem(null);
    try {
      await repositories.trials.setStatus(trialId, to);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  async function remove() {
    await repositories.trials.remove(trialId);
    showToast({ message: 'Trial deleted', actionLabel: 'Undo', onAction: () => repositories.trials.restore(trialId) });
    navigate('/');
  }

  return (
    <section aria-labelledby="trial-title" className="card">
      <h2 id="trial-title">{trial.what}</h2>
      <p>
        Status: <span className="status-tag">{TRIAL_STATUS_LABELS[trial.status]}</span>
      </p>
      <VisibilityControl
        visibility={trial.visibility}
        ownerId={trial.owner}
        onChange={(visibility) => repositories.trials.setVisibility(trialId, visibility)}
      />
      <StatusSteps status={trial.status} />
      <div className="button-row">
        {allowedNextStatuses(trial.status).map((to, index) => (
          <button
            key={to}
            type="button"
            className={index === 0 ? 'button button--primary' : 'button'}
            onClick={() => void move(to)}
          >
            {moveLabel(trial.status, to)}
          </button>
        ))}
      </div>
      <FormError message={problem} />

      <h3>The plan</h3>
      <TrialPlanFacts trial={trial} />
      <div className="button-row">
        <Link href={`/${trial.id}/edit`} className="button">
          Edit the plan
        </Link>
      </div>

      {trial.status === 'reviewing' ? (
        <>
          <h3>Review: evidence, learning, next step</h3>
          <CycleReviewForm key={trial.id} trial={trial} />
        </>
      ) : null}
      {trial.status === 'done' ? (
        <>
          <h3>Review</h3>
          <ReviewSummary review={trial.review} />
        </>
      ) : null}

      <TrialMeasures trialId={trial.id} />

      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          Delete this trial
        </button>
      </div>
    </section>
  );
}
