import { useLiveQuery } from 'dexie-react-hooks';
import type { Repositories } from './createRepositories';
import { useRepositories } from './RepositoryContext';

/**
 * Live reads: the component re-renders whenever the records behind the query change, in
 * this tab or another. `undefined` means "still loading" (distinct from "none").
 */
export function useLive<T>(query: (repositories: Repositories) => Promise<T>, deps: readonly unknown[] = []): T | undefined {
  const repositories = useRepositories();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the query reads
  return useLiveQuery(() => query(repositories), [repositories, ...deps]);
}
