// Sharing as the devices live it, with the real client sync code and the real server: what is
// shared arrives, what stops being visible disappears from the device at its next sync, and a
// change the rules refuse is kept for its author rather than lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeRecordChange } from '../../src/app/db/writeRecordChange';
import { SyncWorld, type Device } from './support/syncWorld';

let world: SyncWorld;
let coordinator: Device;
let facilitator: Device;
let priya: Device;
let sam: Device;
const ids = { cohort: crypto.randomUUID(), set: crypto.randomUUID(), otherSet: crypto.randomUUID(), samMembership: crypto.randomUUID() };
const occurredAt = '2026-05-14T09:30:00.000Z';

async function join(userId: string, role: string, setId: string, membershipId = crypto.randomUUID()): Promise<void> {
  await writeRecordChange(coordinator.db, {
    table: 'memberships',
    recordId: membershipId,
    create: true,
    fields: { cohortId: ids.cohort, userId, displayName: role === 'facilitator' ? 'Dana Reid' : 'Set member', role, setId, coacheeId: null, status: 'active', withdrawnOn: null },
  });
}

beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
  const coordinatorId = await world.createUser('coord@oakfield.example', ['coordinator', 'participant']);
  const facilitatorId = await world.createUser('dana@oakfield.example');
  const priyaId = await world.createUser('priya@oakfield.example');
  const samId = await world.createUser('sam@oakfield.example');
  coordinator = await world.addSignedInDevice('coordinator', coordinatorId);
  facilitator = await world.addSignedInDevice('facilitator', facilitatorId);
  priya = await world.addSignedInDevice('priya', priyaId);
  sam = await world.addSignedInDevice('sam', samId);

  await writeRecordChange(coordinator.db, { table: 'cohorts', recordId: ids.cohort, create: true, fields: { name: 'Northfield leaders', startsOn: '2026-09-01', endsOn: '2027-07-20', coordinatorIds: [coordinatorId] } });
  for (const [id, name] of [[ids.set, 'Set A'], [ids.otherSet, 'Set B']] as const) {
    await writeRecordChange(coordinator.db, { table: 'learningSets', recordId: id, create: true, fields: { cohortId: ids.cohort, name } });
  }
  await join(facilitatorId, 'facilitator', ids.set);
  await join(priyaId, 'participant', ids.set);
  await join(samId, 'participant', ids.set, ids.samMembership);
  expect(await coordinator.sync()).toMatchObject({ pushed: 6 });
  for (const device of [facilitator, priya, sam]) await device.sync();
});

afterEach(async () => {
  await world.stop();
});

describe('sharing between devices', () => {
  it('an entry Priya shares reaches Sam; when she makes it private again it leaves his device, and stays on hers', async () => {
    const shared = await priya.repositories.logEntries.create({ occurredAt, body: 'Learning walks are landing.', visibility: 'set' });
    const secret = await priya.repositories.logEntries.create({ occurredAt, body: 'Worried about the head.', visibility: 'private' });
    await priya.sync();
    await sam.sync();
    expect(await sam.db.logEntries.get(shared.id)).toMatchObject({ body: 'Learning walks are landing.' });
    expect(await sam.db.logEntries.get(secret.id)).toBeUndefined();

    await writeRecordChange(priya.db, { table: 'logEntries', recordId: shared.id, fields: { visibility: 'private' } });
    await priya.sync();
    await sam.sync();
    expect(await sam.db.logEntries.get(shared.id)).toBeUndefined();
    expect(await priya.db.logEntries.get(shared.id)).toMatchObject({ body: 'Learning walks are landing.', visibility: 'private' });
  });

  it('a withdrawn member loses the set’s notes and what others shared at their next sync, and keeps their own journal', async () => {
    const meetingId = crypto.randomUUID();
    await writeRecordChange(facilitator.db, { table: 'meetings', recordId: meetingId, create: true, fields: { setId: ids.set, heldOn: '2026-11-20', place: 'Library', attendance: {}, checkIn: '', sharedLearning: 'Ask before advising.', roundMinutes: 20, stage: 'check_in' } });
    const priyasTrial = await priya.repositories.trials.create({ what: 'Learning walks', visibility: 'set' });
    const samsOwn = await sam.repositories.logEntries.create({ occurredAt, body: 'My own reflection.' });
    await facilitator.sync();
    await priya.sync();
    await sam.sync();
    expect(await sam.db.meetings.get(meetingId)).toBeDefined();
    expect(await sam.db.trials.get(priyasTrial.id)).toBeDefined();

    await writeRecordChange(coordinator.db, { table: 'memberships', recordId: ids.samMembership, fields: { status: 'withdrawn', withdrawnOn: '2026-11-22' } });
    await coordinator.sync();
    await sam.sync();
    expect(await sam.db.meetings.get(meetingId)).toBeUndefined();
    expect(await sam.db.trials.get(priyasTrial.id)).toBeUndefined();
    expect(await sam.db.logEntries.get(samsOwn.id)).toMatchObject({ body: 'My own reflection.' });
    // And the set no longer sees what Sam shares.
    await writeRecordChange(sam.db, { table: 'logEntries', recordId: samsOwn.id, fields: { visibility: 'set' } });
    await sam.sync();
    await priya.sync();
    expect(await priya.db.logEntries.get(samsOwn.id)).toBeUndefined();
  });

  it('moved to another set, a member sees that set’s notes (even older ones) and no longer the first set’s', async () => {
    const oldMeeting = crypto.randomUUID();
    await writeRecordChange(facilitator.db, { table: 'meetings', recordId: oldMeeting, create: true, fields: { setId: ids.set, heldOn: '2026-10-01', place: '', attendance: {}, checkIn: '', sharedLearning: '', roundMinutes: 20, stage: 'closed' } });
    await facilitator.sync();
    // Set B's facilitator is the coordinator here, with a meeting written before Sam moves.
    await join(await coordinator.repositories.directory.me(), 'facilitator', ids.otherSet);
    const setBMeeting = crypto.randomUUID();
    await coordinator.sync();
    await writeRecordChange(coordinator.db, { table: 'meetings', recordId: setBMeeting, create: true, fields: { setId: ids.otherSet, heldOn: '2026-10-02', place: '', attendance: {}, checkIn: '', sharedLearning: '', roundMinutes: 20, stage: 'closed' } });
    await coordinator.sync();
    await sam.sync();
    expect(await sam.db.meetings.get(oldMeeting)).toBeDefined();

    await writeRecordChange(coordinator.db, { table: 'memberships', recordId: ids.samMembership, fields: { setId: ids.otherSet } });
    await coordinator.sync();
    await sam.sync();
    expect(await sam.db.meetings.get(oldMeeting)).toBeUndefined();
    expect(await sam.db.meetings.get(setBMeeting)).toBeDefined();
  });

  it('a change the rules refuse is set aside with the reason, and the device shows the server’s version again', async () => {
    const meetingId = crypto.randomUUID();
    await writeRecordChange(facilitator.db, { table: 'meetings', recordId: meetingId, create: true, fields: { setId: ids.set, heldOn: '2026-11-20', place: 'Library', attendance: {}, checkIn: '', sharedLearning: 'Ask before advising.', roundMinutes: 20, stage: 'check_in' } });
    await facilitator.sync();
    await sam.sync();
    await writeRecordChange(sam.db, { table: 'meetings', recordId: meetingId, fields: { sharedLearning: 'Sam’s version.' } });
    const ownEntry = await sam.repositories.logEntries.create({ occurredAt, body: 'Still saved.' });
    await sam.sync();
    const setAside = await sam.db.setAsideChanges.toArray();
    expect(setAside).toEqual([expect.objectContaining({ table: 'meetings', recordId: meetingId, fields: { sharedLearning: 'Sam’s version.' }, reason: expect.stringMatching(/facilitator/) })]);
    expect(await sam.db.meetings.get(meetingId)).toMatchObject({ sharedLearning: 'Ask before advising.' });
    expect(await sam.repositories.device.pendingChangeCount()).toBe(0);
    await priya.sync();
    expect(await world.devices.find((d) => d.name === 'priya')?.db.logEntries.get(ownEntry.id)).toBeUndefined();
  });
});
