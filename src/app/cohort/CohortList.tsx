import { Link, useLocation } from 'wouter';
import { useAccountStore } from '../account/accountStore';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { CohortForm } from './CohortForm';
import { dateRangeText } from './cohortText';

/** The cohorts this person runs, and starting a new one. */
export function CohortList() {
  const [, navigate] = useLocation();
  const account = useAccountStore((state) => state.account);
  const cohorts = useLive((repositories) => repositories.directory.cohortsICoordinate());
  const mayStart = account?.roles.includes('coordinator') ?? false;

  if (cohorts === undefined) return <PageHeader title="Cohort" />;

  return (
    <>
      <PageHeader title="Cohort" />
      {cohorts.length === 0 ? (
        <EmptyState title="No cohort yet">
          <p>A cohort is one year of the programme: its sets, its calendar and its people. Start with its name and dates.</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="my-cohorts-heading">
          <h2 id="my-cohorts-heading">Cohorts you run</h2>
          <ul className="record-list" aria-label="Cohorts you run">
            {cohorts.map((cohort) => (
              <li key={cohort.id}>
                <Link href={`/${cohort.id}`}>
                  <strong>{cohort.name}</strong>
                  <span className="record-list__meta record-list__line">{dateRangeText(cohort.startsOn, cohort.endsOn)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="start-cohort-heading">
        <h2 id="start-cohort-heading">Start a cohort</h2>
        {mayStart ? (
          <CohortForm cohort={null} onSaved={(cohort) => navigate(`/${cohort.id}`)} />
        ) : (
          <p>
            {account
              ? 'Only a programme coordinator can start a cohort. Ask the person who runs your Setwise server.'
              : 'Sign in as a programme coordinator (in Settings) to start a cohort.'}
          </p>
        )}
      </section>
    </>
  );
}
