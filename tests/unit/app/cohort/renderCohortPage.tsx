import { vi } from 'vitest';
import { useAccountStore } from '../../../../src/app/account/accountStore';
import { createCohortApi } from '../../../../src/app/cohort/cohortApi';
import { CohortApiProvider } from '../../../../src/app/cohort/CohortApiContext';
import { CohortPage } from '../../../../src/app/cohort/CohortPage';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { membershipSchema, type Membership } from '../../../../src/domain/sets/membership';
import { renderPage } from '../support/renderPage';

export const COORDINATOR = { userId: 'user-coordinator', email: 'joanna.reid@northfield.example', displayName: 'Joanna Reid', roles: ['coordinator'] };

/** A route of the fake server: the answer's status and JSON body (or none). */
export type FakeRoute = (request: { method: string; path: string; body: unknown; headers: Headers }) => { status: number; body?: unknown } | undefined;

/**
 * A fetch that answers as the Setwise server would, from `route`; anything it does not know is
 * a 404. Every request is recorded, so a test can check what was sent (and its CSRF header).
 */
export function fakeFetch(route: FakeRoute) {
  return vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const answer = route({ method, path: `${url.pathname}${url.search}`, body, headers: new Headers(init?.headers) }) ?? {
      status: 404,
      body: { error: 'Not found.', code: 'not-found' },
    };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

/** A fetch with no connection at all. */
export const offlineFetch = () =>
  vi.fn<typeof fetch>(async () => {
    throw new TypeError('Failed to fetch');
  });

/** This device's database with the coordinator signed in (their records are theirs). */
export async function coordinatorsDevice(): Promise<{ db: SetwiseDatabase; repositories: Repositories }> {
  const db = new SetwiseDatabase(`t-${crypto.randomUUID()}`);
  await db.meta.put({ key: 'owner', value: COORDINATOR.userId });
  useAccountStore.setState({ account: COORDINATOR, csrfToken: 'csrf-coordinator', sessionExpired: false });
  return { db, repositories: createRepositories(db) };
}

/** Someone in the cohort, as the server writes their membership when they accept an invitation. */
export async function memberJoined(db: SetwiseDatabase, fields: Partial<Membership> & Pick<Membership, 'cohortId' | 'displayName' | 'userId'>): Promise<Membership> {
  const now = new Date().toISOString();
  const membership = membershipSchema.parse({ id: crypto.randomUUID(), owner: 'server', createdAt: now, updatedAt: now, role: 'participant', ...fields });
  await db.memberships.put(membership);
  return membership;
}

/** The Cohort place as AppRoutes mounts it, over `repositories`, talking to `fetch`. */
export function renderCohortPage(repositories: Repositories, options: { path?: string; fetch?: typeof fetch } = {}) {
  const api = createCohortApi({ fetch: options.fetch ?? offlineFetch() });
  return renderPage(
    '/cohort',
    <CohortApiProvider api={api}>
      <CohortPage />
    </CohortApiProvider>,
    options.path ?? '/cohort',
    repositories,
  );
}
