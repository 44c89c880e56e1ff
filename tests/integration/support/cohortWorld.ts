// A cohort with everybody the sharing rules distinguish, set up through the real API: the
// coordinator pushes the cohort, its two sets and everyone's memberships as records, exactly
// as the coordinator's tablet would. Used by the authorisation matrix and the sharing tests.
import { expect } from 'vitest';
import type { Mutation, PushResponse } from '../../../src/domain/sync/protocol';
import type { SyncTableName } from '../../../src/domain/sync/syncTables';
import { createAccount } from '../../../src/server/auth/accounts';
import { newId, stamp } from './syncRecords';
import { PASSWORD, type SyncServer, type SyncUser } from './syncServer';

export const PEOPLE = [
  'coordinator',
  'otherCoordinator',
  'facilitatorA',
  'ownerA',
  'peerA',
  'withdrawnA',
  'coachOfOwner',
  'participantB',
  'facilitatorB',
  'otherCoach',
  'outsider',
] as const;
export type Person = (typeof PEOPLE)[number];

export interface CohortWorld {
  readonly server: SyncServer;
  readonly users: Readonly<Record<Person, SyncUser>>;
  readonly cohortId: string;
  readonly setA: string;
  readonly setB: string;
  /** Membership record ids by person (those who have one). */
  readonly memberships: Readonly<Partial<Record<Person, string>>>;
  /** Pushes one change to one record as `person`, with a stamp later than any before. */
  write(person: Person, table: SyncTableName, recordId: string, fields: Record<string, unknown>): Promise<PushResponse>;
  /** Ids of every record `person` receives pulling from 0. */
  visibleTo(person: Person): Promise<Set<string>>;
}

let clock = Date.now() - 60 * 60 * 1000;

export function mutation(table: SyncTableName, recordId: string, fields: Record<string, unknown>, device: string): Mutation {
  clock += 1;
  const hlc = stamp(clock, device);
  return { mutationId: newId(), table, recordId, fields, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])), hlc };
}

export async function createCohortWorld(server: SyncServer): Promise<CohortWorld> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const entries = await Promise.all(
    PEOPLE.map(async (person) => {
      const email = `${person.toLowerCase()}-${suffix}@oakfield.sch.uk`;
      const roles = person === 'coordinator' || person === 'otherCoordinator' ? (['coordinator', 'participant'] as const) : (['participant'] as const);
      await createAccount(server.store, { email, displayName: `Test ${person}`, roles, password: PASSWORD });
      return [person, await server.signIn(email)] as const;
    }),
  );
  const users = Object.fromEntries(entries) as Record<Person, SyncUser>;

  async function write(person: Person, table: SyncTableName, recordId: string, fields: Record<string, unknown>): Promise<PushResponse> {
    return server.pushOk(users[person], { batchId: newId(), deviceId: `device-${person}`, mutations: [mutation(table, recordId, fields, `device-${person}`)] });
  }
  async function mustWrite(person: Person, table: SyncTableName, recordId: string, fields: Record<string, unknown>): Promise<void> {
    expect((await write(person, table, recordId, fields)).rejected).toEqual([]);
  }

  const cohortId = newId();
  const otherCohortId = newId();
  const [setA, setB] = [newId(), newId()];
  await mustWrite('coordinator', 'cohorts', cohortId, {
    name: 'Northfield leaders 2026–27',
    startsOn: '2026-09-01',
    endsOn: '2027-07-20',
    coordinatorIds: [users.coordinator.id],
    deletedAt: null,
  });
  await mustWrite('otherCoordinator', 'cohorts', otherCohortId, {
    name: 'Riverside heads 2026–27',
    startsOn: '2026-09-01',
    endsOn: '2027-07-20',
    coordinatorIds: [users.otherCoordinator.id],
    deletedAt: null,
  });
  await mustWrite('coordinator', 'learningSets', setA, { cohortId, name: 'Set A — primary', deletedAt: null });
  await mustWrite('coordinator', 'learningSets', setB, { cohortId, name: 'Set B — secondary', deletedAt: null });

  const memberships: Partial<Record<Person, string>> = {};
  const join = async (person: Person, role: string, setId: string | null, coachee: Person | null, status = 'active') => {
    const id = newId();
    memberships[person] = id;
    await mustWrite('coordinator', 'memberships', id, {
      cohortId,
      userId: users[person].id,
      displayName: `Test ${person}`,
      role,
      setId,
      coacheeId: coachee ? users[coachee].id : null,
      status,
      withdrawnOn: status === 'withdrawn' ? '2026-11-01' : null,
      deletedAt: null,
    });
  };
  await join('facilitatorA', 'facilitator', setA, null);
  await join('ownerA', 'participant', setA, null);
  await join('peerA', 'participant', setA, null);
  await join('withdrawnA', 'participant', setA, null, 'withdrawn');
  await join('coachOfOwner', 'coach', null, 'ownerA');
  await join('participantB', 'participant', setB, null);
  await join('facilitatorB', 'facilitator', setB, null);
  await join('otherCoach', 'coach', null, 'participantB');

  return {
    server,
    users,
    cohortId,
    setA,
    setB,
    memberships,
    write,
    async visibleTo(person) {
      return new Set((await server.pullAll(users[person])).map((r) => r.record.id));
    },
  };
}
