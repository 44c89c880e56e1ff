import { useState } from 'react';
import { Link, Route, Switch, useRoute } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { CohortForm } from './CohortForm';
import { CohortOverviewSection } from './CohortOverviewSection';
import { dateRangeText } from './cohortText';
import { InvitationsSection } from './InvitationsSection';
import { ProgrammeCalendar } from './ProgrammeCalendar';
import { SetsAndPeople } from './SetsAndPeople';

const PARTS = [
  { href: '/', label: 'Sets and people' },
  { href: '/calendar', label: 'Calendar' },
  { href: '/invitations', label: 'Invitations' },
  { href: '/overview', label: 'Overview' },
] as const;

function PartLink({ href, label }: { readonly href: string; readonly label: string }) {
  const [active] = useRoute(href);
  return (
    <li>
      <Link href={href} className={active ? 'cohort-parts__link cohort-parts__link--active' : 'cohort-parts__link'} aria-current={active ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
}

/** One cohort: its parts as tabs (links, so each has its own address and the back button works). */
export function CohortDetail({ cohortId }: { readonly cohortId: string }) {
  const cohort = useLive(async (repositories) => (await repositories.directory.cohorts()).find((c) => c.id === cohortId) ?? null, [cohortId]);
  const [editing, setEditing] = useState(false);

  if (cohort === undefined) return <PageHeader title="Cohort" />;
  if (cohort === null) {
    return (
      <>
        <PageHeader title="Cohort" />
        <EmptyState title="This cohort is not on this device">
          <p>It may not have synced yet, or it was removed.</p>
          <Link href="~/cohort" className="button">
            ← All cohorts
          </Link>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <Link href="~/cohort" className="split__back cohort-back">
        ← All cohorts
      </Link>
      <PageHeader
        title={cohort.name}
        actions={
          editing ? null : (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Change name or dates
            </button>
          )
        }
      />
      <p className="muted">{dateRangeText(cohort.startsOn, cohort.endsOn)}</p>
      {editing ? (
        <section className="card" aria-label="Change the cohort">
          <CohortForm cohort={cohort} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </section>
      ) : null}
      <nav aria-label="Parts of this cohort">
        <ul className="cohort-parts">
          {PARTS.map((part) => (
            <PartLink key={part.href} {...part} />
          ))}
        </ul>
      </nav>
      <Switch>
        <Route path="/calendar">
          <ProgrammeCalendar cohortId={cohortId} />
        </Route>
        <Route path="/invitations">
          <InvitationsSection cohortId={cohortId} />
        </Route>
        <Route path="/overview">
          <CohortOverviewSection cohortId={cohortId} />
        </Route>
        <Route>
          <SetsAndPeople cohortId={cohortId} />
        </Route>
      </Switch>
    </>
  );
}
