// The sharing rules, walked exhaustively: every record type × every visibility × every person
// the rules distinguish, through the real push and pull; and every API route × signed out and
// signed in as each kind of person. The tables below are the specification. They are checked
// to cover every synced table (SYNC_TABLE_NAMES) and every route the server registers, so a
// new record type or route without a rule here fails this test.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBILITIES, type Visibility } from '../../src/domain/syncedRecord';
import { SYNC_TABLE_NAMES, type SyncTableName } from '../../src/domain/sync/syncTables';
import { createCohortWorld, PEOPLE, type CohortWorld, type Person } from './support/cohortWorld';
import { storeTargets } from './support/storeTargets';
import { newId } from './support/syncRecords';
import { newSyncServer, PASSWORD } from './support/syncServer';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const ownerAudience = (visibility: Visibility): Person[] => [
  'ownerA',
  ...(visibility === 'set' || visibility === 'set_and_coach' ? (['peerA', 'facilitatorA'] as const) : []),
  ...(visibility === 'coach' || visibility === 'set_and_coach' ? (['coachOfOwner'] as const) : []),
];
const COHORT_MEMBERS: Person[] = ['coordinator', 'facilitatorA', 'ownerA', 'peerA', 'coachOfOwner', 'participantB', 'facilitatorB', 'otherCoach'];
const SET_A: Person[] = ['facilitatorA', 'ownerA', 'peerA'];

/** One record to create, who creates it, who must see it and who may change which field. */
interface Case {
  readonly table: SyncTableName;
  readonly label: string;
  readonly author: Person;
  /** Records this one needs first (its parent), created by their own authors. */
  readonly before?: readonly { table: SyncTableName; id: string; author: Person; fields: Record<string, unknown> }[];
  readonly fields: Record<string, unknown>;
  readonly readers: readonly Person[];
  /** A field someone other than the author might try to change, and who may. */
  /** `value` may be a function of the person, so that every person writes a different value. */
  readonly edits: readonly { field: string; value: unknown; writers: readonly Person[] }[];
}

type OwnedTable = 'logEntries' | 'challenges' | 'trials' | 'measures' | 'diagnostics' | 'posters';

function ownedContent(table: OwnedTable, visibility: Visibility): Record<string, unknown> {
  const common = { visibility, deletedAt: null };
  switch (table) {
    case 'logEntries':
      return { ...common, occurredAt: '2026-05-14T09:30:00.000Z', body: 'Private worry about the Year 2 team.', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null };
    case 'challenges':
      return { ...common, focus: 'Managing change', issue: 'High turnover in the phase.', desiredOutcomes: '', baseline: '', successCriteria: [], themes: [] };
    case 'trials':
      return { ...common, what: 'Learning walks in KS1', why: '', withWhom: '', startDate: null, reviewDate: null, impactJudgement: '', challengeId: null, status: 'planned' };
    case 'measures':
      return { ...common, name: 'Pupils passing the phonics check', unit: 'percent', unitLabel: '', baselineValue: 27, baselineDate: '2026-09-10', target: 70, challengeId: null, trialId: null };
    case 'diagnostics':
      return { ...common, takenOn: '2026-09-15', label: 'Start of the year', ratings: { resilience: { score: 2, note: 'Wobbly after the Ofsted call.' } } };
    case 'posters':
      return { ...common, title: 'Phonics in KS1', size: 'A4', overrides: { learningPoints: 'Ask before advising.' }, measureIds: null };
  }
}

const EDIT_VALUE: Record<OwnedTable, [string, unknown]> = {
  logEntries: ['body', 'Overwritten.'],
  challenges: ['issue', 'Overwritten.'],
  trials: ['what', 'Overwritten.'],
  measures: ['name', 'Overwritten.'],
  diagnostics: ['label', 'Overwritten.'],
  posters: ['title', 'Overwritten.'],
};

function cases(world: CohortWorld): Case[] {
  const id = (person: Person) => world.users[person].id;
  const list: Case[] = [];
  for (const visibility of VISIBILITIES) {
    for (const table of ['logEntries', 'challenges', 'trials', 'measures', 'diagnostics', 'posters'] as const) {
      const [field, value] = EDIT_VALUE[table];
      list.push({ table, label: visibility, author: 'ownerA', fields: ownedContent(table, visibility), readers: ownerAudience(visibility), edits: [{ field, value, writers: ['ownerA'] }] });
    }
    const challengeId = newId();
    list.push({
      table: 'challengeRevisions',
      label: `of a ${visibility} challenge`,
      author: 'ownerA',
      before: [{ table: 'challenges', id: challengeId, author: 'ownerA', fields: ownedContent('challenges', visibility) }],
      fields: { challengeId, revisedAt: '2026-10-01T10:00:00.000Z', reason: 'The head left.', snapshot: ownedContent('challenges', 'private'), deletedAt: null },
      readers: ownerAudience(visibility),
      edits: [{ field: 'reason', value: 'Overwritten.', writers: ['ownerA'] }],
    });
    const measureId = newId();
    list.push({
      table: 'readings',
      label: `of a ${visibility} measure`,
      author: 'ownerA',
      before: [{ table: 'measures', id: measureId, author: 'ownerA', fields: ownedContent('measures', visibility) }],
      fields: { measureId, date: '2026-12-01', value: 52, note: '', deletedAt: null },
      readers: ownerAudience(visibility),
      edits: [{ field: 'value', value: 99, writers: ['ownerA'] }],
    });
    const entryId = newId();
    list.push({
      table: 'photos',
      label: `in a ${visibility} entry`,
      author: 'ownerA',
      before: [{ table: 'logEntries', id: entryId, author: 'ownerA', fields: ownedContent('logEntries', visibility) }],
      fields: { entryId, sha256: newId().replace(/-/g, '').padEnd(64, '0').slice(0, 64), mimeType: 'image/jpeg', width: 2048, height: 1365, bytes: 1000, caption: '', deletedAt: null },
      readers: ownerAudience(visibility),
      edits: [{ field: 'caption', value: 'Overwritten.', writers: ['ownerA'] }],
    });
  }
  for (const visibility of ['set', 'set_and_coach'] as const) {
    const trialId = newId();
    list.push({
      table: 'comments',
      label: `by a set member on a trial shared with ${visibility}`,
      author: 'peerA',
      before: [{ table: 'trials', id: trialId, author: 'ownerA', fields: ownedContent('trials', visibility) }],
      fields: { targetTable: 'trials', targetId: trialId, body: 'Could the TAs run the walks too?', authorName: 'Test peerA', deletedAt: null },
      readers: [...ownerAudience(visibility), 'peerA'],
      edits: [{ field: 'body', value: 'Overwritten.', writers: ['peerA'] }],
    });
  }
  const meetingId = newId();
  const roundId = newId();
  const meeting = { table: 'meetings' as const, id: meetingId, author: 'facilitatorA' as const, fields: { setId: world.setA, heldOn: '2026-11-20', place: 'Oakfield library', attendance: {}, checkIn: '', sharedLearning: '', roundMinutes: 20, stage: 'check_in', deletedAt: null } };
  const round = { table: 'meetingRounds' as const, id: roundId, author: 'facilitatorA' as const, fields: { meetingId, setId: world.setA, presenterId: id('ownerA'), position: 0, update: '', questions: '', suggestions: '', memberNotes: '', deletedAt: null } };
  list.push(
    { table: 'cohorts', label: 'the cohort', author: 'coordinator', fields: { name: 'Second cohort', startsOn: '2027-09-01', endsOn: '2028-07-20', coordinatorIds: [id('coordinator')], deletedAt: null }, readers: ['coordinator'], edits: [{ field: 'name', value: 'Renamed', writers: ['coordinator'] }] },
    { table: 'learningSets', label: 'a set', author: 'coordinator', fields: { cohortId: world.cohortId, name: 'Set C', deletedAt: null }, readers: COHORT_MEMBERS, edits: [{ field: 'name', value: 'Renamed', writers: ['coordinator'] }] },
    { table: 'calendarEvents', label: 'a core workshop', author: 'coordinator', fields: { cohortId: world.cohortId, setId: null, kind: 'workshop', title: 'Core workshop 1', startsOn: '2026-10-05', endsOn: null, startTime: '09:30', place: 'Town hall', deletedAt: null }, readers: COHORT_MEMBERS, edits: [{ field: 'title', value: 'Renamed', writers: ['coordinator'] }] },
    { table: 'calendarEvents', label: "set A's meeting", author: 'facilitatorA', fields: { cohortId: world.cohortId, setId: world.setA, kind: 'set_meeting', title: 'Set A meeting 2', startsOn: '2027-01-15', endsOn: null, startTime: '', place: '', deletedAt: null }, readers: COHORT_MEMBERS, edits: [{ field: 'place', value: 'Oakfield', writers: ['coordinator', 'facilitatorA'] }] },
    { table: 'memberships', label: 'a new participant of set A', author: 'coordinator', fields: { cohortId: world.cohortId, userId: id('outsider'), displayName: 'Test outsider', role: 'participant', setId: world.setA, coacheeId: null, status: 'withdrawn', withdrawnOn: '2026-11-01', deletedAt: null }, readers: ['coordinator', 'outsider', ...SET_A], edits: [{ field: 'displayName', value: 'Renamed', writers: ['coordinator'] }] },
    { table: 'meetings', label: "set A's meeting", author: 'facilitatorA', fields: meeting.fields, readers: SET_A, edits: [{ field: 'sharedLearning', value: 'Overwritten.', writers: ['facilitatorA'] }] },
    { table: 'meetingRounds', label: "ownerA's round", author: 'facilitatorA', before: [meeting], fields: round.fields, readers: SET_A, edits: [{ field: 'update', value: 'My update.', writers: ['facilitatorA', 'ownerA'] }, { field: 'suggestions', value: 'Try this.', writers: ['facilitatorA'] }] },
    { table: 'meetingActions', label: "ownerA's action", author: 'facilitatorA', fields: { meetingId, setId: world.setA, roundId, assigneeId: id('ownerA'), text: 'Run two learning walks', dueOn: '2026-12-01', status: 'open', completedOn: null, carriedFromId: null, deletedAt: null }, readers: SET_A, edits: [{ field: 'dueOn', value: (i: number) => `2026-12-${String(10 + i)}`, writers: ['facilitatorA', 'ownerA'] }, { field: 'text', value: 'Overwritten.', writers: ['facilitatorA'] }] },
    { table: 'coachingSessions', label: "ownerA's coaching", author: 'coachOfOwner', fields: { coachId: id('coachOfOwner'), participantId: id('ownerA'), heldOn: '2026-10-12', focus: 'Outcomes of the diagnostic', notes: 'Talked about delegation.', nextSteps: '', deletedAt: null }, readers: ['coachOfOwner', 'ownerA'], edits: [{ field: 'nextSteps', value: 'Plan the conversation.', writers: ['coachOfOwner', 'ownerA'] }] },
  );
  return list;
}

/** Who may create a record of each table in set A / for ownerA (the rest are refused). */
function creations(world: CohortWorld): { table: SyncTableName; label: string; fields: (person: Person) => Record<string, unknown>; creators: readonly Person[] }[] {
  const id = (person: Person) => world.users[person].id;
  return [
    { table: 'cohorts', label: 'a cohort', fields: (p) => ({ name: 'Mine', startsOn: '2027-09-01', endsOn: '2028-07-01', coordinatorIds: [id(p)] }), creators: ['coordinator', 'otherCoordinator'] },
    { table: 'learningSets', label: 'a set in the cohort', fields: () => ({ cohortId: world.cohortId, name: 'Set D' }), creators: ['coordinator'] },
    // For someone not yet in the cohort (a membership for oneself would change the creator's rights).
    { table: 'memberships', label: 'a membership in set A', fields: () => ({ cohortId: world.cohortId, userId: newId(), displayName: 'New member', role: 'facilitator', setId: world.setA, coacheeId: null, status: 'active', withdrawnOn: null }), creators: ['coordinator'] },
    { table: 'meetings', label: 'a meeting of set A', fields: () => ({ setId: world.setA, heldOn: '2026-12-01', place: '', attendance: {}, checkIn: '', sharedLearning: '', roundMinutes: 20, stage: 'check_in' }), creators: ['facilitatorA'] },
    { table: 'meetingActions', label: 'an action for oneself in set A', fields: (p) => ({ meetingId: newId(), setId: world.setA, roundId: null, assigneeId: id(p), text: 'Do it', dueOn: null, status: 'open', completedOn: null, carriedFromId: null }), creators: ['facilitatorA', 'ownerA', 'peerA'] },
    { table: 'coachingSessions', label: "coaching notes for ownerA as the coach", fields: (p) => ({ coachId: id(p), participantId: id('ownerA'), heldOn: '2026-10-12', focus: '', notes: '', nextSteps: '' }), creators: ['coachOfOwner'] },
  ];
}

describe.each(targets)('$name: authorisation matrix', (target) => {
  let world: CohortWorld;
  beforeAll(async () => {
    world = await createCohortWorld(await newSyncServer(target));
  }, 60_000);
  afterAll(async () => {
    await world.server.close();
  });

  it('covers every synced record type', () => {
    const covered = new Set(cases(world).map((c) => c.table));
    expect([...SYNC_TABLE_NAMES].filter((table) => !covered.has(table))).toEqual([]);
  });

  it('gives every record to exactly its readers and lets only its writers change it', async () => {
    const failures: string[] = [];
    for (const testCase of cases(world)) {
      for (const parent of testCase.before ?? []) {
        expect((await world.write(parent.author, parent.table, parent.id, parent.fields)).rejected).toEqual([]);
      }
      const recordId = newId();
      const created = await world.write(testCase.author, testCase.table, recordId, testCase.fields);
      expect(created.rejected, `${testCase.table} ${testCase.label} created by ${testCase.author}`).toEqual([]);
      for (const person of PEOPLE) {
        const sees = (await world.visibleTo(person)).has(recordId);
        if (sees !== testCase.readers.includes(person)) failures.push(`${person} ${sees ? 'sees' : 'does not see'} ${testCase.table} (${testCase.label})`);
      }
      for (const edit of testCase.edits) {
        for (const person of PEOPLE) {
          // A value of this person's own, so that no write is a no-op repeating an earlier one.
          const index = PEOPLE.indexOf(person);
          const value =
            typeof edit.value === 'function'
              ? (edit.value as (i: number) => unknown)(index)
              : typeof edit.value === 'string'
                ? `${edit.value} (${person})`
                : typeof edit.value === 'number'
                  ? edit.value + index
                  : edit.value;
          const answer = await world.write(person, testCase.table, recordId, { [edit.field]: value });
          const refused = answer.rejected.length > 0;
          if (refused === edit.writers.includes(person)) {
            failures.push(`${person} ${refused ? 'may not' : 'may'} change ${edit.field} of ${testCase.table} (${testCase.label})`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('lets only the right people create each kind of shared record', async () => {
    const failures: string[] = [];
    for (const creation of creations(world)) {
      for (const person of PEOPLE) {
        const answer = await world.write(person, creation.table, newId(), { ...creation.fields(person), deletedAt: null });
        if ((answer.rejected.length === 0) !== creation.creators.includes(person)) {
          failures.push(`${person} ${answer.rejected.length === 0 ? 'could' : 'could not'} create ${creation.label}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never lets a private log entry reach anyone else, nor its words into the coordinator’s overview', async () => {
    const entryId = newId();
    const words = 'I am not sure the head trusts me with this.';
    await world.write('ownerA', 'logEntries', entryId, { ...ownedContent('logEntries', 'private'), body: words });
    for (const person of PEOPLE.filter((p) => p !== 'ownerA')) {
      const pulled = await world.server.pullAll(world.users[person]);
      expect(JSON.stringify(pulled)).not.toContain(words);
    }
    const overview = await world.server.send(world.users.coordinator, { method: 'GET', url: `/api/cohorts/${world.cohortId}/overview` });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).not.toContain(words);
    const owner = overview.json<{ participants: { userId: string; entries: number }[] }>().participants.find((p) => p.userId === world.users.ownerA.id);
    expect(owner?.entries).toBeGreaterThan(0);
  });
});

/** Who may call each route: anyone, anyone signed in, or only the cohort's coordinators. */
type RouteAccess = 'public' | 'signed-in' | 'cohort-coordinator';
interface RouteRule {
  readonly access: RouteAccess;
  /** A request to this route with a well-formed body (what is refused must be who, not what). */
  readonly request: (world: CohortWorld) => { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: InjectOptions['payload']; headers?: Record<string, string> };
}

const SHA = 'c'.repeat(64);
const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /api/health': { access: 'public', request: () => ({ method: 'GET', url: '/api/health' }) },
  'GET /api/setup': { access: 'public', request: () => ({ method: 'GET', url: '/api/setup' }) },
  'POST /api/setup': { access: 'public', request: () => ({ method: 'POST', url: '/api/setup', payload: { email: 'x@oakfield.sch.uk', password: PASSWORD, displayName: 'X' } }) },
  'POST /api/auth/sign-in': { access: 'public', request: (world) => ({ method: 'POST', url: '/api/auth/sign-in', payload: { email: world.users.ownerA.email, password: PASSWORD } }) },
  'POST /api/auth/sign-out': { access: 'signed-in', request: () => ({ method: 'POST', url: '/api/auth/sign-out' }) },
  'GET /api/session': { access: 'signed-in', request: () => ({ method: 'GET', url: '/api/session' }) },
  'POST /api/sync/push': { access: 'signed-in', request: () => ({ method: 'POST', url: '/api/sync/push', payload: { batchId: newId(), deviceId: 'd', mutations: [] } }) },
  'GET /api/sync/pull': { access: 'signed-in', request: () => ({ method: 'GET', url: '/api/sync/pull?after=0' }) },
  'GET /api/sync/events': { access: 'signed-in', request: () => ({ method: 'GET', url: '/api/sync/events' }) },
  'PUT /api/blobs/:sha256': { access: 'signed-in', request: () => ({ method: 'PUT', url: `/api/blobs/${SHA}`, payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } }) },
  'GET /api/blobs/:sha256': { access: 'signed-in', request: () => ({ method: 'GET', url: `/api/blobs/${SHA}` }) },
  'POST /api/invitations': {
    access: 'cohort-coordinator',
    request: (world) => ({ method: 'POST', url: '/api/invitations', payload: { cohortId: world.cohortId, role: 'participant', setId: world.setA, displayName: 'Sam Lee', email: 'sam@oakfield.sch.uk' } }),
  },
  'GET /api/invitations/preview': { access: 'public', request: () => ({ method: 'GET', url: '/api/invitations/preview?code=K7QM-2XWP-9TRD-HC4B' }) },
  'POST /api/invitations/accept': { access: 'public', request: () => ({ method: 'POST', url: '/api/invitations/accept', payload: { code: 'K7QM-2XWP-9TRD-HC4B', role: 'participant' } }) },
  'POST /api/invitations/accept-signed-in': { access: 'signed-in', request: () => ({ method: 'POST', url: '/api/invitations/accept-signed-in', payload: { code: 'K7QM-2XWP-9TRD-HC4B', role: 'participant' } }) },
  'DELETE /api/invitations/:id': { access: 'cohort-coordinator', request: () => ({ method: 'DELETE', url: `/api/invitations/${newId()}` }) },
  'GET /api/cohorts/:cohortId/invitations': { access: 'cohort-coordinator', request: (world) => ({ method: 'GET', url: `/api/cohorts/${world.cohortId}/invitations` }) },
  'GET /api/cohorts/:cohortId/overview': { access: 'cohort-coordinator', request: (world) => ({ method: 'GET', url: `/api/cohorts/${world.cohortId}/overview` }) },
  // The wrong phrase (400 when signed in): the matrix must not delete one of its own people.
  'POST /api/account/delete': { access: 'signed-in', request: () => ({ method: 'POST', url: '/api/account/delete', payload: { confirm: 'keep my account', removeMyMeetingAdditions: false } }) },
  'GET *': { access: 'public', request: () => ({ method: 'GET', url: '/journal' }) },
};

/** "METHOD /path" for every route the server registered (HEAD goes with GET), from Fastify's route tree. */
function registeredRoutes(tree: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line.replace(/\u00a0/g, ' '));
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = `${stack[depth - 1] ?? ''}${match[2] ?? ''}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ')) if (method !== 'HEAD') found.push(`${method} ${path}`);
  }
  return found.sort();
}

describe('every API route has an access rule, and keeps to it', () => {
  const target = targets[0];
  let world: CohortWorld;
  beforeAll(async () => {
    if (!target) throw new Error('no store target');
    world = await createCohortWorld(await newSyncServer(target));
  }, 60_000);
  afterAll(async () => {
    await world.server.close();
  });

  it('has a rule for each registered route and no rule for a route that does not exist', () => {
    expect(registeredRoutes(world.server.app.printRoutes({ commonPrefix: false }))).toEqual(Object.keys(ROUTE_RULES).sort());
  });

  it.each(Object.entries(ROUTE_RULES).filter(([route]) => route !== 'GET /api/sync/events'))('%s: refuses whoever may not call it', async (_route, rule) => {
    const signedOut = await world.server.send(undefined, rule.request(world));
    if (rule.access === 'public') expect(signedOut.statusCode).not.toBe(401);
    else expect(signedOut.statusCode).toBe(401);
    if (rule.access !== 'cohort-coordinator') return;
    for (const person of PEOPLE) {
      const answer = await world.server.send(world.users[person], rule.request(world));
      if (person === 'coordinator') expect(answer.statusCode, `${person}: ${answer.body}`).toBeLessThan(500);
      else expect([403, 404], `${person}: ${answer.body}`).toContain(answer.statusCode);
      if (person === 'coordinator' && rule.request(world).method !== 'DELETE') expect(answer.statusCode).toBeLessThan(300);
    }
  });

  it('GET /api/sync/events: refuses a signed-out request', async () => {
    expect((await world.server.send(undefined, ROUTE_RULES['GET /api/sync/events']?.request(world) ?? { method: 'GET', url: '/' })).statusCode).toBe(401);
  });
});
