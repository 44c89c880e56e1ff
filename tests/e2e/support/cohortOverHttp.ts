// Sets up a cohort the way the coordinator's device and the invitees would, but over plain HTTP
// from the test process, so the browser tests spend their time on the screens under test:
// the coordinator signs in and pushes the cohort and a set as records, invites people, and
// each invitee accepts with a new account.
import type { Mutation } from '../../../src/domain/sync/protocol';
import type { SyncTableName } from '../../../src/domain/sync/syncTables';
import { formatHlc } from '../../../src/domain/hlc';

export const E2E_PASSWORD = 'a sensible passphrase';

interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

export interface Person {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly userId: string;
}

async function signIn(baseURL: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${baseURL}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

async function call<T>(baseURL: string, session: Session, path: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-setwise-csrf': session.csrfToken, origin: baseURL },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

let tick = Date.now() - 60_000;
function record(table: SyncTableName, fields: Record<string, unknown>): Mutation {
  tick += 1;
  const hlc = formatHlc({ wallMs: tick, counter: 0, node: 'e2e-setup' });
  const all = { ...fields, deletedAt: null };
  return { mutationId: crypto.randomUUID(), table, recordId: crypto.randomUUID(), fields: all, clocks: Object.fromEntries(Object.keys(all).map((f) => [f, hlc])), hlc };
}

export interface CohortOverHttp {
  readonly cohortId: string;
  readonly setId: string;
  readonly facilitator: Person;
  readonly members: readonly Person[];
  /** The first member's coach, when asked for. */
  readonly coach: Person | null;
  /** Makes a new invitation for a participant of the set and returns its code (not accepted). */
  invite(displayName: string): Promise<string>;
}

/**
 * A cohort with one set: a facilitator and `memberNames.length` participants, each with an
 * account made by accepting an invitation. Emails are unique per call.
 */
export async function createCohortOverHttp(
  baseURL: string,
  coordinator: { email: string; password: string },
  facilitatorName: string,
  memberNames: readonly string[],
  options: { coachName?: string } = {},
): Promise<CohortOverHttp> {
  const session = await signIn(baseURL, coordinator.email, coordinator.password);
  const cohort = record('cohorts', { name: 'Northfield leaders 2026–27', startsOn: '2026-09-01', endsOn: '2027-07-20', coordinatorIds: [session.userId] });
  const set = record('learningSets', { cohortId: cohort.recordId, name: 'Set A — primary' });
  const pushed = await call<{ rejected: unknown[] }>(baseURL, session, '/api/sync/push', 'POST', { batchId: crypto.randomUUID(), deviceId: 'e2e-setup', mutations: [cohort, set] });
  if (pushed.rejected.length > 0) throw new Error(`cohort setup refused: ${JSON.stringify(pushed.rejected)}`);

  const suffix = Math.random().toString(36).slice(2, 8);
  const emailOf = (displayName: string) => `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}.${suffix}@oakfield.example`;
  async function join(displayName: string, role: 'facilitator' | 'participant' | 'coach', coacheeId: string | null = null): Promise<Person> {
    const email = emailOf(displayName);
    const where = role === 'coach' ? { setId: null, coacheeId } : { setId: set.recordId };
    const invitation = await call<{ code: string }>(baseURL, session, '/api/invitations', 'POST', { cohortId: cohort.recordId, role, ...where, displayName, email });
    const res = await fetch(`${baseURL}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: invitation.code, role, displayName, email, password: E2E_PASSWORD }),
    });
    if (res.status !== 201) throw new Error(`accepting for ${displayName} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { user: { id: string } };
    return { email, password: E2E_PASSWORD, displayName, userId: body.user.id };
  }
  const facilitator = await join(facilitatorName, 'facilitator');
  const members: Person[] = [];
  for (const name of memberNames) members.push(await join(name, 'participant'));
  const coach = options.coachName && members[0] ? await join(options.coachName, 'coach', members[0].userId) : null;
  async function invite(displayName: string): Promise<string> {
    const body = { cohortId: cohort.recordId, role: 'participant', setId: set.recordId, displayName, email: emailOf(displayName) };
    return (await call<{ code: string }>(baseURL, session, '/api/invitations', 'POST', body)).code;
  }
  return { cohortId: cohort.recordId, setId: set.recordId, facilitator, members, coach, invite };
}
