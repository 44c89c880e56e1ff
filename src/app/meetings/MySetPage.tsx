import { Route, Switch } from 'wouter';
import { MeetingMode } from './MeetingMode';
import './meetings.css';
import { SetHome } from './SetHome';

/** My set: the set's meetings (notes, rounds, actions), meeting mode, and what members share. */
export function MySetPage() {
  return (
    <Switch>
      <Route path="/meetings/:id/run">{(params) => <MeetingMode meetingId={params.id} />}</Route>
      <Route path="/meetings/:id">{(params) => <SetHome selectedMeetingId={params.id} />}</Route>
      <Route>
        <SetHome selectedMeetingId={null} />
      </Route>
    </Switch>
  );
}
