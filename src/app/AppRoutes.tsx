import { Route, Switch } from 'wouter';
import { ChallengePage } from './challenge/ChallengePage';
import { CohortPage } from './cohort/CohortPage';
import { JoinPage } from './cohort/JoinPage';
import { CoachingPage } from './coaching/CoachingPage';
import { DiagnosticPage } from './diagnostic/DiagnosticPage';
import { JournalPage } from './journal/JournalPage';
import { MySetPage } from './meetings/MySetPage';
import { MeasuresPage } from './measures/MeasuresPage';
import { PosterPage } from './poster/PosterPage';
import { SearchPage } from './search/SearchPage';
import { SettingsPage } from './settings/SettingsPage';
import { TimelinePage } from './timeline/TimelinePage';
import { TodayPage } from './today/TodayPage';
import { TrialsPage } from './trials/TrialsPage';
import { EmptyState } from './ui/EmptyState';

export function AppRoutes() {
  return (
    <Switch>
      <Route path="/" component={TodayPage} />
      <Route path="/journal" nest>
        <JournalPage />
      </Route>
      <Route path="/challenge" nest>
        <ChallengePage />
      </Route>
      <Route path="/trials" nest>
        <TrialsPage />
      </Route>
      <Route path="/measures" nest>
        <MeasuresPage />
      </Route>
      <Route path="/set" nest><MySetPage /></Route>
      <Route path="/coaching" nest><CoachingPage /></Route>
      <Route path="/timeline" nest><TimelinePage /></Route>
      <Route path="/poster" component={PosterPage} />
      <Route path="/search" component={SearchPage} />
      <Route path="/diagnostic" nest><DiagnosticPage /></Route>
      <Route path="/settings" component={SettingsPage} />
      <Route path="/cohort" nest><CohortPage /></Route>
      <Route path="/join/:code" component={JoinPage} />
      <Route path="/join" component={JoinPage} />
      <Route>
        <EmptyState title="Nothing here">
          <p>This page does not exist. Use the menu to find your way.</p>
        </EmptyState>
      </Route>
    </Switch>
  );
}
