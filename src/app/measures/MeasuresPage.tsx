import { Route, Switch } from 'wouter';
import { MeasureFormPage } from './MeasureFormPage';
import { MeasuresBrowser } from './MeasuresBrowser';

/** Measures: the impact in numbers — baseline, target and dated readings. */
export function MeasuresPage() {
  return (
    <Switch>
      <Route path="/new">
        <MeasureFormPage />
      </Route>
      <Route path="/:id/edit">{(params) => <MeasureFormPage id={params.id} />}</Route>
      <Route path="/:id">{(params) => <MeasuresBrowser selectedId={params.id} />}</Route>
      <Route>
        <MeasuresBrowser selectedId={null} />
      </Route>
    </Switch>
  );
}
