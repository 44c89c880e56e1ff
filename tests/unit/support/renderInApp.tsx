import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { RepositoryProvider } from '../../../src/app/db/RepositoryContext';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { flushPendingSaves } from '../../../src/app/ui/pendingSaves';
import { ToastHost } from '../../../src/app/ui/ToastHost';

export interface AppHarness {
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
  readonly location: ReturnType<typeof memoryLocation>;
  readonly view: RenderResult;
  /** Unmount and render the same UI again on the same database: a reload. */
  reload(): RenderResult;
  /** Unmount, let last autosaves and live queries settle, then delete the database. */
  dispose(): Promise<void>;
}

/** Renders UI as the app does: real repositories on a fresh fake-indexeddb database, in-memory routing. */
export function renderInApp(ui: () => ReactNode, options: { path?: string; dbName?: string } = {}): AppHarness {
  const db = new SetwiseDatabase(options.dbName ?? `test-${crypto.randomUUID()}`);
  const repositories = createRepositories(db);
  const location = memoryLocation({ path: options.path ?? '/', record: true });
  const tree = () => (
    <RepositoryProvider repositories={repositories}>
      <Router hook={location.hook}>{ui()}</Router>
      <ToastHost />
    </RepositoryProvider>
  );
  const harness = {
    db,
    repositories,
    location,
    view: render(tree()),
    reload() {
      harness.view.unmount();
      harness.view = render(tree());
      return harness.view;
    },
    async dispose() {
      harness.view.unmount();
      await flushPendingSaves();
      await new Promise((resolve) => setTimeout(resolve, 20));
      db.close();
      await db.delete();
    },
  };
  return harness;
}
