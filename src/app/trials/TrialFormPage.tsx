import { Link } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { PageHeader } from '../ui/PageHeader';
import { TrialForm } from './TrialForm';

/** Loads what the plan form needs: the trial being edited, if any, and the challenge. */
export function TrialFormPage({ id }: { readonly id?: string }) {
  const data = useLive(
    async (repositories) => ({
      challenge: (await repositories.challenge.current()) ?? null,
      trial: id ? ((await repositories.trials.get(id)) ?? null) : null,
    }),
    [id],
  );
  if (data === undefined) return null;

  if (id && !data.trial) {
    return (
      <>
        <PageHeader title="Edit the plan" />
        <p>This trial is not on this device any more — it may have been deleted.</p>
        <Link href="/">All trials</Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title={data.trial ? 'Edit the plan' : 'Plan a trial'} />
      {data.trial ? null : (
        <p className="muted">
          A trial is one thing you try to move your challenge. Plan it first: what, why, with whom, by when, and how you will
          judge the impact.
        </p>
      )}
      <TrialForm key={id ?? 'new'} trial={data.trial} challenge={data.challenge} />
    </>
  );
}
