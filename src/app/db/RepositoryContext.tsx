import { createContext, useContext, type ReactNode } from 'react';
import type { Repositories } from './createRepositories';

const RepositoryContext = createContext<Repositories | null>(null);

/** Provides the repositories; the app passes the real database's, tests a fresh one's. */
export function RepositoryProvider({ repositories, children }: { repositories: Repositories; children: ReactNode }) {
  return <RepositoryContext.Provider value={repositories}>{children}</RepositoryContext.Provider>;
}

export function useRepositories(): Repositories {
  const repositories = useContext(RepositoryContext);
  if (!repositories) throw new Error('useRepositories must be used inside <RepositoryProvider>');
  return repositories;
}
