import { Route, Switch } from 'wouter';
import { CompareSittings } from './CompareSittings';
import './diagnostic.css';
import { DiagnosticHome } from './DiagnosticHome';
import { SittingEditor } from './SittingEditor';

/** The leadership diagnostic: sittings, one sitting's qualities, and two sittings compared. */
export function DiagnosticPage() {
  return (
    <Switch>
      <Route path="/compare">
        <CompareSittings />
      </Route>
      <Route path="/:id">{(params) => <SittingEditor sittingId={params.id} />}</Route>
      <Route>
        <DiagnosticHome />
      </Route>
    </Switch>
  );
}
