import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { membershipSchema, type Membership } from '../../../src/domain/sets/membership';
import { markOutboxPushing } from './support/markOutboxPushing';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(async () => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
  await db.meta.put({ key: 'owner', value: 'user-coordinator' });
});
afterEach(async () => {
  await db.delete();
});

const year = { name: 'Northfield leaders 2026–27', startsOn: '2026-09-01', endsOn: '2027-07-16' };

/** A membership as the server writes it when an invitation is accepted (it reaches the device by sync). */
async function joined(fields: Partial<Membership> & Pick<Membership, 'cohortId' | 'setId'>): Promise<Membership> {
  const now = new Date().toISOString();
  const membership = membershipSchema.parse({
    id: crypto.randomUUID(),
    owner: 'server',
    createdAt: now,
    updatedAt: now,
    userId: 'user-priya',
    displayName: 'Priya Shah',
    role: 'participant',
    ...fields,
  });
  await db.memberships.put(membership);
  return membership;
}

describe('the coordinator’s cohort writes', () => {
  it('creates a cohort run by the person signed in here, queued to sync', async () => {
    const cohort = await repos.cohort.createCohort(year);
    expect(cohort).toMatchObject({ ...year, coordinatorIds: ['user-coordinator'], deletedAt: null });
    expect(await repos.directory.cohortsICoordinate()).toEqual([cohort]);
    const row = (await db.outbox.toArray()).find((r) => r.recordId === cohort.id);
    expect(row?.table).toBe('cohorts');
    expect(row?.fields).toMatchObject({ ...year, coordinatorIds: ['user-coordinator'] });
  });

  it('refuses a cohort that ends before it starts, and writes nothing', async () => {
    await expect(repos.cohort.createCohort({ ...year, endsOn: '2026-08-01' })).rejects.toThrow('The cohort must end after it starts.');
    expect(await db.cohorts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('updateCohort writes only what changed', async () => {
    const cohort = await repos.cohort.createCohort(year);
    await markOutboxPushing(db);
    await repos.cohort.updateCohort(cohort.id, { ...year, endsOn: '2027-07-20' });
    const row = (await db.outbox.orderBy('seq').last())!;
    expect(row.fields).toEqual({ endsOn: '2027-07-20' });
  });

  it('adds, renames and removes sets (a tombstone, with undo)', async () => {
    const cohort = await repos.cohort.createCohort(year);
    const setA = await repos.cohort.createSet(cohort.id, 'Set A — primary');
    await repos.cohort.createSet(cohort.id, 'Set B — secondary');
    await markOutboxPushing(db);
    await repos.cohort.renameSet(setA.id, 'Set A — KS1 and KS2');
    expect((await db.outbox.orderBy('seq').last())!.fields).toEqual({ name: 'Set A — KS1 and KS2' });
    expect((await repos.directory.sets(cohort.id)).map((s) => s.name)).toEqual(['Set A — KS1 and KS2', 'Set B — secondary']);

    await repos.cohort.removeSet(setA.id);
    expect((await repos.directory.sets(cohort.id)).map((s) => s.name)).toEqual(['Set B — secondary']);
    await repos.cohort.restoreSet(setA.id);
    expect(await repos.directory.sets(cohort.id)).toHaveLength(2);
    await expect(repos.cohort.createSet(cohort.id, '  ')).rejects.toThrow('Give the set a name');
  });

  it('keeps calendar events by date; only set meetings keep a set', async () => {
    const cohort = await repos.cohort.createCohort(year);
    const setA = await repos.cohort.createSet(cohort.id, 'Set A');
    await repos.cohort.createEvent(cohort.id, { kind: 'set_meeting', setId: setA.id, title: 'Set A meeting 1', startsOn: '2026-10-08', startTime: '16:00' });
    const workshop = await repos.cohort.createEvent(cohort.id, { kind: 'workshop', setId: setA.id, title: 'Core workshop 1', startsOn: '2026-09-24' });
    expect(workshop.setId).toBeNull();
    await expect(repos.cohort.createEvent(cohort.id, { kind: 'set_meeting', title: 'Meeting', startsOn: '2026-11-01' })).rejects.toThrow(
      'Choose the set that meets.',
    );
    expect((await repos.directory.calendar(cohort.id)).map((e) => e.title)).toEqual(['Core workshop 1', 'Set A meeting 1']);

    await markOutboxPushing(db);
    await repos.cohort.updateEvent(workshop.id, { place: 'Oakfield Primary, hall' });
    expect((await db.outbox.orderBy('seq').last())!.fields).toEqual({ place: 'Oakfield Primary, hall' });
    await repos.cohort.removeEvent(workshop.id);
    expect((await repos.directory.calendar(cohort.id)).map((e) => e.title)).toEqual(['Set A meeting 1']);
  });

  it('moves a participant to another set, and refuses a set of another cohort', async () => {
    const cohort = await repos.cohort.createCohort(year);
    const other = await repos.cohort.createCohort({ ...year, name: 'Eastbrook leaders' });
    const setA = await repos.cohort.createSet(cohort.id, 'Set A');
    const setB = await repos.cohort.createSet(cohort.id, 'Set B');
    const elsewhere = await repos.cohort.createSet(other.id, 'Set Z');
    const priya = await joined({ cohortId: cohort.id, setId: setA.id });

    const moved = await repos.cohort.moveMember(priya.id, setB.id);
    expect(moved.setId).toBe(setB.id);
    expect((await db.outbox.where('recordId').equals(priya.id).last())?.fields).toEqual({ setId: setB.id });
    expect((await repos.directory.setMembers(setB.id)).map((m) => m.displayName)).toEqual(['Priya Shah']);
    await expect(repos.cohort.moveMember(priya.id, elsewhere.id)).rejects.toThrow('That set is in another cohort.');
  });

  it('withdraws and reinstates a member, writing status and date only', async () => {
    const cohort = await repos.cohort.createCohort(year);
    const setA = await repos.cohort.createSet(cohort.id, 'Set A');
    const sam = await joined({ cohortId: cohort.id, setId: setA.id, userId: 'user-sam', displayName: 'Sam Lee' });

    const withdrawn = await repos.cohort.withdrawMember(sam.id, '2027-01-15');
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnOn: '2027-01-15', setId: setA.id });
    expect((await db.outbox.where('recordId').equals(sam.id).last())?.fields).toEqual({ status: 'withdrawn', withdrawnOn: '2027-01-15' });
    await expect(repos.cohort.withdrawMember(sam.id, '15/01/2027')).rejects.toThrow();

    const back = await repos.cohort.reinstateMember(sam.id);
    expect(back).toMatchObject({ status: 'active', withdrawnOn: null });
  });
});
