import { Route, Switch } from 'wouter';
import './cohort.css';
import { CohortDetail } from './CohortDetail';
import { CohortList } from './CohortList';

/** The coordinator's place: their cohorts, and for each its sets, people, calendar, invitations and counts. */
export function CohortPage() {
  return (
    <Switch>
      <Route path="/:cohortId" nest>
        {(params) => <CohortDetail cohortId={params.cohortId} />}
      </Route>
      <Route>
        <CohortList />
      </Route>
    </Switch>
  );
}
