import { Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ChallengePage } from './challenge/ChallengePage';
import { JournalPage } from './journal/JournalPage';
import { lazyPage } from './lazyPage';
import { MySetPage } from './meetings/MySetPage';
import { MeasuresPage } from './measures/MeasuresPage';
import { SettingsPage } from './settings/SettingsPage';
import { TimelinePage } from './timeline/TimelinePage';
import { TodayPage } from './today/TodayPage';
import { TrialsPage } from './trials/TrialsPage';
import { EmptyState } from './ui/EmptyState';

// Loaded on first visit (see lazyPage): places opened now and then, not every few minutes.
// The timeline stays in the first download: loaded lazily, its first screen at 10,000 records
// took 413 ms instead of 148 ms to appear (median of 5, Chromium, tests/bench/timelineRender.ts).
const CohortPage = lazyPage(() => import('./cohort/CohortPage'), 'CohortPage');
const JoinPage = lazyPage(() => import('./cohort/JoinPage'), 'JoinPage');
const CoachingPage = lazyPage(() => import('./coaching/CoachingPage'), 'CoachingPage');
const DiagnosticPage = lazyPage(() => import('./diagnostic/DiagnosticPage'), 'DiagnosticPage');
const PosterPage = lazyPage(() => import('./poster/PosterPage'), 'PosterPage');
const SearchPage = lazyPage(() => import('./search/SearchPage'), 'SearchPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<p className="muted">Opening…</p>}>
      <AppSwitch />
    </Suspense>
  );
}

function AppSwitch() {
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
