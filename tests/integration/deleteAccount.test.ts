// "Delete my account and data" (POST /api/account/delete) against real SQLite and PostgreSQL,
// in a cohort with everybody the sharing rules distinguish: the person's own writing leaves the
// store and everyone's devices (revocations, or an access change), their session dies, their
// name goes, their set's meeting notes keep the facilitator's text (and their own additions
// only when they did not ask for them to go), and nobody else's data changes.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE_ACCOUNT_PHRASE, FORMER_MEMBER_NAME } from '../../src/domain/account/accountDeletion';
import { ACCESS_CHANGED, pullResponseSchema, type PulledRecord } from '../../src/domain/sync/protocol';
import type { SyncTableName } from '../../src/domain/sync/syncTables';
import { createCohortWorld, PEOPLE, type CohortWorld, type Person } from './support/cohortWorld';
import { storeTargets } from './support/storeTargets';
import { entryContent, newId } from './support/syncRecords';
import { newSyncServer, type SyncUser } from './support/syncServer';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const DELETE_URL = '/api/account/delete';

describe.each(targets)('$name: deleting an account', (target) => {
  let world: CohortWorld;
  const gone = new Set<Person>();
  beforeAll(async () => {
    world = await createCohortWorld(await newSyncServer(target));
  }, 60_000);
  afterAll(async () => {
    await world.server.close();
  });

  const id = (person: Person) => world.users[person].id;
  const remaining = () => PEOPLE.filter((person) => !gone.has(person));

  async function mustWrite(person: Person, table: SyncTableName, recordId: string, fields: Record<string, unknown>): Promise<void> {
    expect((await world.write(person, table, recordId, fields)).rejected, `${person} writes ${table}`).toEqual([]);
  }

  function deleteAs(user: SyncUser, body: unknown) {
    return world.server.send(user, { method: 'POST', url: DELETE_URL, payload: body as Record<string, unknown> });
  }

  /** Pulls everything from `after` to the end: the records, what was revoked, the cursor and access digest. */
  async function catchUp(user: SyncUser, after = 0) {
    const records: PulledRecord[] = [];
    const revoked: string[] = [];
    let cursor = after;
    for (;;) {
      const page = await world.server.pullOk(user, cursor, 500);
      records.push(...page.records);
      revoked.push(...page.revoked.map((r) => r.id));
      cursor = page.cursor;
      if (!page.hasMore) return { records, revoked, cursor, access: page.access };
    }
  }

  const byId = (records: readonly PulledRecord[]) => new Map(records.map((r) => [r.record.id, r.record]));

  async function meetingWithRound(facilitator: Person, setId: string, presenter: Person) {
    const meetingId = newId();
    const roundId = newId();
    await mustWrite(facilitator, 'meetings', meetingId, {
      setId, heldOn: '2026-11-20', place: 'Oakfield library', attendance: {}, checkIn: 'Check-in by the facilitator', sharedLearning: 'The set’s learning', roundMinutes: 20, stage: 'closed', deletedAt: null,
    });
    await mustWrite(facilitator, 'meetingRounds', roundId, {
      meetingId, setId, presenterId: id(presenter), position: 0, update: `Update taken down by the facilitator for ${presenter}`, questions: 'What would success look like?', suggestions: 'Try lesson study.', memberNotes: '', deletedAt: null,
    });
    return { meetingId, roundId };
  }

  it('refuses the wrong phrase, a malformed body and a sole coordinator, and changes nothing', async () => {
    const before = await world.server.store.maxSeq();
    const wrong = await deleteAs(world.users.peerA, { confirm: 'delete my acount', removeMyMeetingAdditions: false });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'invalid-request', error: expect.stringContaining(DELETE_ACCOUNT_PHRASE) });
    const missing = await deleteAs(world.users.peerA, { confirm: DELETE_ACCOUNT_PHRASE });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'invalid-request' });
    const noCsrf = await world.server.send(world.users.peerA, { method: 'POST', url: DELETE_URL, payload: { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: false } }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    const signedOut = await world.server.send(undefined, { method: 'POST', url: DELETE_URL, payload: { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: false } });
    expect(signedOut.statusCode).toBe(401);

    const coordinator = await deleteAs(world.users.coordinator, { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: false });
    expect(coordinator.statusCode).toBe(409);
    expect(coordinator.json()).toMatchObject({ code: 'sole-coordinator', error: expect.stringContaining('Northfield leaders') });

    expect(await world.server.store.maxSeq()).toBe(before);
    for (const person of ['peerA', 'coordinator'] as const) {
      expect((await world.server.send(world.users[person], { method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    }
  });

  it('removes the person’s writing from the store and from everyone’s pulls, ends their session and clears their meeting additions when asked', async () => {
    const [sharedEntry, privateEntry, deletedEntry, challengeId, revisionId, photoId, ownComment] = [newId(), newId(), newId(), newId(), newId(), newId(), newId()];
    const [peerEntry, peerComment, coaching, action] = [newId(), newId(), newId(), newId()];
    const ownerWords = 'Owner’s worry about the Year 2 team';
    await mustWrite('ownerA', 'logEntries', sharedEntry, entryContent({ body: ownerWords, visibility: 'set_and_coach' }));
    await mustWrite('ownerA', 'logEntries', privateEntry, entryContent({ body: 'A private note' }));
    await mustWrite('ownerA', 'logEntries', deletedEntry, entryContent({ body: 'Written, then deleted' }));
    await mustWrite('ownerA', 'logEntries', deletedEntry, { deletedAt: new Date().toISOString() });
    await mustWrite('ownerA', 'challenges', challengeId, {
      focus: 'Managing change', issue: 'High turnover in the phase.', desiredOutcomes: '', baseline: '', successCriteria: [], themes: [], visibility: 'coach', deletedAt: null,
    });
    await mustWrite('ownerA', 'challengeRevisions', revisionId, {
      challengeId, revisedAt: '2026-10-01T10:00:00.000Z', reason: '', deletedAt: null,
      snapshot: { focus: 'Managing change', issue: 'High turnover in the phase.', desiredOutcomes: '', baseline: '', successCriteria: [], themes: [], visibility: 'coach' },
    });
    const bytes = Buffer.from(`photo of the working wall ${newId()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await world.server.putBlob(world.users.ownerA, sha256, bytes, { blobType: 'image/jpeg' })).statusCode).toBe(204);
    await mustWrite('ownerA', 'photos', photoId, { entryId: sharedEntry, sha256, mimeType: 'image/jpeg', width: 64, height: 48, bytes: bytes.length, caption: 'Working wall', deletedAt: null });
    await mustWrite('peerA', 'logEntries', peerEntry, entryContent({ body: 'Peer’s own shared entry', visibility: 'set' }));
    await mustWrite('peerA', 'comments', peerComment, { targetTable: 'logEntries', targetId: sharedEntry, body: 'Peer’s comment on the owner’s entry', authorName: 'Test peerA', deletedAt: null });
    await mustWrite('ownerA', 'comments', ownComment, { targetTable: 'logEntries', targetId: peerEntry, body: 'Owner’s comment on the peer’s entry', authorName: 'Test ownerA', deletedAt: null });
    await mustWrite('coachOfOwner', 'coachingSessions', coaching, {
      coachId: id('coachOfOwner'), participantId: id('ownerA'), heldOn: '2026-10-12', focus: 'Delegation', notes: 'Talked about delegation.', nextSteps: '', deletedAt: null,
    });
    const ownerMeeting = await meetingWithRound('facilitatorA', world.setA, 'ownerA');
    const peerMeeting = await meetingWithRound('facilitatorA', world.setA, 'peerA');
    await mustWrite('ownerA', 'meetingRounds', ownerMeeting.roundId, { memberNotes: 'What the owner added afterwards' });
    await mustWrite('peerA', 'meetingRounds', peerMeeting.roundId, { memberNotes: 'What the peer added afterwards' });
    await mustWrite('facilitatorA', 'meetingActions', action, {
      meetingId: ownerMeeting.meetingId, setId: world.setA, roundId: ownerMeeting.roundId, assigneeId: id('ownerA'), text: 'Run two learning walks', dueOn: '2026-12-01', status: 'open', completedOn: null, carriedFromId: null, deletedAt: null,
    });
    const owned = [sharedEntry, privateEntry, deletedEntry, challengeId, revisionId, photoId, ownComment];

    const coachBefore = await catchUp(world.users.coachOfOwner);
    const peerBefore = await catchUp(world.users.peerA);
    expect(byId(coachBefore.records).has(sharedEntry) && byId(coachBefore.records).has(challengeId) && byId(coachBefore.records).has(coaching)).toBe(true);
    expect(byId(peerBefore.records).has(sharedEntry) && byId(peerBefore.records).has(photoId)).toBe(true);
    const othersBefore = byId(peerBefore.records);
    expect((await world.server.getBlob(world.users.peerA, sha256)).statusCode).toBe(200);

    const answer = await deleteAs(world.users.ownerA, { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: true });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ deleted: true, records: owned.length, coachingSessions: 1, roundsCleared: 1, membershipsWithdrawn: 1 });
    expect(answer.headers['set-cookie']).toMatch(/setwise_session=;/);
    gone.add('ownerA');

    // Their session no longer works, and neither does their password.
    expect((await world.server.send(world.users.ownerA, { method: 'GET', url: '/api/session' })).statusCode).toBe(401);
    expect((await world.server.pull(world.users.ownerA, 0)).statusCode).toBe(401);
    await expect(world.server.signIn(world.users.ownerA.email)).rejects.toThrow(/401/);
    expect((await deleteAs(world.users.ownerA, { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: true })).statusCode).toBe(401);

    // Gone from the store: records, bytes, the user.
    const { store } = world.server;
    expect(await store.pullRecords(id('ownerA'), 0, 1000)).toEqual([]);
    expect(await store.findUserById(id('ownerA'))).toBeUndefined();
    expect(await store.getBlob(id('ownerA'), sha256)).toBeUndefined();
    const removed: [SyncTableName, string][] = [
      ['logEntries', sharedEntry], ['logEntries', privateEntry], ['logEntries', deletedEntry], ['challenges', challengeId],
      ['challengeRevisions', revisionId], ['photos', photoId], ['comments', ownComment], ['coachingSessions', coaching],
    ];
    await store.transaction(async (tx) => {
      for (const [table, recordId] of removed) {
        expect(await tx.getRecord(table, recordId), `${table} ${recordId}`).toBeUndefined();
        expect(await tx.getAudience(table, recordId)).toEqual([]);
      }
    });

    // The coach still holds a token the records had: their next pull revokes them.
    const coachAfter = await catchUp(world.users.coachOfOwner, coachBefore.cursor);
    expect(coachAfter.revoked).toEqual(expect.arrayContaining([sharedEntry, challengeId, revisionId, photoId, coaching]));
    expect((await catchUp(world.users.coachOfOwner)).records.map((r) => r.record.id)).not.toContain(sharedEntry);

    // The set no longer holds the person's share token: the peer's device is told its access
    // changed, pulls from 0 and drops what it was not given.
    const stale = await world.server.send(world.users.peerA, { method: 'GET', url: `/api/sync/pull?after=${peerBefore.cursor}&access=${peerBefore.access}` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: ACCESS_CHANGED });
    const peerAfter = byId((await catchUp(world.users.peerA)).records);
    for (const recordId of [...owned, coaching]) expect(peerAfter.has(recordId), recordId).toBe(false);
    expect((await world.server.getBlob(world.users.peerA, sha256)).statusCode).toBe(404);

    // Other people's data is untouched: the peer's entry, their comment (still theirs to see),
    // their round, the facilitator's text in the person's round, the action.
    expect(peerAfter.get(peerEntry)).toEqual(othersBefore.get(peerEntry));
    expect(peerAfter.get(peerComment)).toEqual(othersBefore.get(peerComment));
    expect(peerAfter.get(peerMeeting.roundId)).toEqual(othersBefore.get(peerMeeting.roundId));
    expect(peerAfter.get(peerMeeting.roundId)).toMatchObject({ memberNotes: 'What the peer added afterwards' });
    expect(peerAfter.get(action)).toEqual(othersBefore.get(action));
    const round = peerAfter.get(ownerMeeting.roundId);
    expect(round).toMatchObject({
      memberNotes: '',
      update: 'Update taken down by the facilitator for ownerA',
      questions: 'What would success look like?',
      suggestions: 'Try lesson study.',
      owner: id('facilitatorA'),
    });
    expect(round?.clocks.memberNotes?.endsWith(':server')).toBe(true);

    // Their membership stays for the set's notes, withdrawn and without their name.
    const membership = byId((await catchUp(world.users.coordinator)).records).get(world.memberships.ownerA ?? '');
    expect(membership).toMatchObject({ status: 'withdrawn', displayName: FORMER_MEMBER_NAME, userId: id('ownerA') });

    // Nobody left sees their name or their words.
    for (const person of remaining()) {
      const text = JSON.stringify((await catchUp(world.users[person])).records);
      for (const words of ['Test ownerA', ownerWords, 'What the owner added afterwards', 'Owner’s comment']) expect(text, `${person} sees “${words}”`).not.toContain(words);
    }
  }, 60_000);

  it('keeps what the person added to their round when they do not ask for it to go', async () => {
    const entry = newId();
    await mustWrite('participantB', 'logEntries', entry, entryContent({ body: 'B’s entry', visibility: 'set' }));
    const meeting = await meetingWithRound('facilitatorB', world.setB, 'participantB');
    await mustWrite('participantB', 'meetingRounds', meeting.roundId, { memberNotes: 'What B added afterwards' });

    const answer = await deleteAs(world.users.participantB, { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: false });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ deleted: true, records: 1, roundsCleared: 0, membershipsWithdrawn: 1 });
    gone.add('participantB');

    const facilitatorSees = byId((await catchUp(world.users.facilitatorB)).records);
    expect(facilitatorSees.has(entry)).toBe(false);
    expect(facilitatorSees.get(meeting.roundId)).toMatchObject({ memberNotes: 'What B added afterwards', update: 'Update taken down by the facilitator for participantB' });
    expect(facilitatorSees.get(world.memberships.participantB ?? '')).toMatchObject({ displayName: FORMER_MEMBER_NAME, status: 'withdrawn' });
    // The one who coached them keeps their coaching membership (it is the coordinator's record), nameless coachee or not.
    expect((await world.server.send(world.users.otherCoach, { method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    const pulled = pullResponseSchema.parse((await world.server.pull(world.users.facilitatorB, 0, 500)).json());
    expect(JSON.stringify(pulled.records)).not.toContain('Test participantB');
  });

  it('takes a coordinator off a cohort that has another, leaving its sets and memberships in place', async () => {
    await mustWrite('coordinator', 'cohorts', world.cohortId, { coordinatorIds: [id('coordinator'), id('otherCoordinator')] });
    const answer = await deleteAs(world.users.coordinator, { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions: false });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ deleted: true, membershipsWithdrawn: 0 });
    gone.add('coordinator');

    const seen = byId((await catchUp(world.users.otherCoordinator)).records);
    expect(seen.get(world.cohortId)).toMatchObject({ coordinatorIds: [id('otherCoordinator')], name: 'Northfield leaders 2026–27' });
    expect(seen.get(world.setA)).toBeDefined();
    expect(seen.get(world.memberships.peerA ?? '')).toMatchObject({ status: 'active', displayName: 'Test peerA' });
    // The remaining coordinator runs the cohort: they can still change a membership.
    await mustWrite('otherCoordinator', 'memberships', world.memberships.peerA ?? '', { displayName: 'Pat Ahmed' });
  });

  it('still signs in everyone else with their password', async () => {
    for (const person of remaining()) {
      await expect(world.server.signIn(world.users[person].email), person).resolves.toMatchObject({ id: id(person) });
    }
  });
});
