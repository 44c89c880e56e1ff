import { Link } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { ListDetailSplit } from '../ui/ListDetailSplit';
import { PageHeader } from '../ui/PageHeader';
import { TrialDetail } from './TrialDetail';
import { TrialList } from './TrialList';

/** The list of trials and, beside it in landscape, the one chosen. */
export function TrialsBrowser({ selectedId }: { readonly selectedId: string | null }) {
  const trials = useLive((repositories) => repositories.trials.list());
  const planButton = (
    <Link href="/new" className="button button--primary">
      Plan a trial
    </Link>
  );
  if (trials === undefined) return <PageHeader title="Trials" />;

  if (trials.length === 0 && !selectedId) {
    return (
      <>
        <PageHeader title="Trials" />
        <EmptyState title="No trials yet">
          <p>
            A trial is one thing you try to move your challenge: plan it, do it, look at the evidence, learn, and decide what
            next.
          </p>
          <div className="button-row">{planButton}</div>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Trials" actions={planButton} />
      <ListDetailSplit
        idPrefix="trial"
        listHeading="Your trials"
        list={<TrialList trials={trials} selectedId={selectedId} />}
        selectedId={selectedId}
        detail={selectedId ? <TrialDetail id={selectedId} /> : null}
        backLabel="← All trials"
        placeholder="Choose a trial to see its cycle."
      />
    </>
  );
}
