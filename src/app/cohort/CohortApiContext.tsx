import { createContext, useContext, type ReactNode } from 'react';
import { createCohortApi, type CohortApi } from './cohortApi';

const defaultCohortApi = createCohortApi();
const CohortApiContext = createContext<CohortApi>(defaultCohortApi);

/** Replaces the cohort API below it (tests pass one over a mocked fetch). */
export function CohortApiProvider({ api, children }: { readonly api: CohortApi; readonly children: ReactNode }) {
  return <CohortApiContext.Provider value={api}>{children}</CohortApiContext.Provider>;
}

/** The cohort HTTP API: the real server's unless a CohortApiProvider says otherwise. */
export function useCohortApi(): CohortApi {
  return useContext(CohortApiContext);
}
