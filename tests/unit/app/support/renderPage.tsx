import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { RepositoryProvider } from '../../../../src/app/db/RepositoryContext';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { ToastHost } from '../../../../src/app/ui/ToastHost';

export function freshRepositories(): Repositories {
  return createRepositories(new SetwiseDatabase('t-' + crypto.randomUUID()));
}

/**
 * Renders a page nested under `base` as AppRoutes does, at `path`, with its own in-memory
 * database (or the one given, to "reload" the page) and the toast host.
 */
export function renderPage(base: string, page: ReactElement, path: string = base, repositories = freshRepositories()) {
  const location = memoryLocation({ path, record: true });
  const user = userEvent.setup();
  const view = render(
    <RepositoryProvider repositories={repositories}>
      <Router hook={location.hook} searchHook={location.searchHook}>
        <Route path={base} nest>
          {page}
        </Route>
      </Router>
      <ToastHost />
    </RepositoryProvider>,
  );
  return { ...view, user, repositories, location };
}

/** A calendar date `days` from today, as `YYYY-MM-DD`. */
export function isoDaysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
