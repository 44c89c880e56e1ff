import { Route, Switch } from 'wouter';
import { TrialFormPage } from './TrialFormPage';
import { TrialsBrowser } from './TrialsBrowser';

/** Trials: strategies tried against the challenge, each run as a learning cycle. */
export function TrialsPage() {
  return (
    <Switch>
      <Route path="/new">
        <TrialFormPage />
      </Route>
      <Route path="/:id/edit">{(params) => <TrialFormPage id={params.id} />}</Route>
      <Route path="/:id">{(params) => <TrialsBrowser selectedId={params.id} />}</Route>
      <Route>
        <TrialsBrowser selectedId={null} />
      </Route>
    </Switch>
  );
}
