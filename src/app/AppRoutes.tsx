import { Route, Switch } from 'wouter';
import { ChallengePage } from './challenge/ChallengePage';
import { JournalPage } from './journal/JournalPage';
import { MeasuresPage } from './measures/MeasuresPage';
import { SettingsPage } from './settings/SettingsPage';
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
      <Route path="/settings" component={SettingsPage} />
      <Route>
        <EmptyState title="Nothing here">
          <p>This page does not exist. Use the menu to find your way.</p>
        </EmptyState>
      </Route>
    </Switch>
  );
}
