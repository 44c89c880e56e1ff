import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { writeRecordChange } from '../../../src/app/db/writeRecordChange';
import { actingAs, PEOPLE, SET_ID, seedSet } from '../app/meetings/seedSet';
import { markOutboxPushing } from './support/markOutboxPushing';

let db: SetwiseDatabase;
let repos: Repositories;
const { facilitator, priya, tom, aisha, dan } = PEOPLE;

beforeEach(async () => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
  await seedSet(db, facilitator.userId);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function lastOutboxFields(): Promise<Record<string, unknown>> {
  return (await db.outbox.orderBy('seq').last())!.fields;
}

describe('set meetings', () => {
  it('startMeeting makes the meeting and one round per active participant, in order, all queued for sync', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14', place: 'Oakfield Primary library' });
    expect(meeting).toMatchObject({ setId: SET_ID, heldOn: '2026-05-14', place: 'Oakfield Primary library', stage: 'check_in', roundMinutes: 20 });

    const rounds = await repos.meetings.listRounds(meeting.id);
    // The facilitator has no round; Dan has withdrawn.
    expect(rounds.map((r) => [r.presenterId, r.position])).toEqual([
      [aisha.userId, 0],
      [priya.userId, 1],
      [tom.userId, 2],
    ]);
    expect(rounds.every((r) => r.setId === SET_ID && r.meetingId === meeting.id)).toBe(true);
    const queued = await db.outbox.where('recordId').anyOf([meeting.id, ...rounds.map((r) => r.id)]).count();
    expect(queued).toBe(4);
  });

  it('updateMeeting and updateRound write only the fields that changed', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const [round] = await repos.meetings.listRounds(meeting.id);
    await markOutboxPushing(db);

    await repos.meetings.updateMeeting(meeting.id, { place: 'Brookside Primary', heldOn: '2026-05-14', checkIn: '' });
    expect(await lastOutboxFields()).toEqual({ place: 'Brookside Primary' });

    await markOutboxPushing(db);
    await repos.meetings.updateRound(round!.id, { update: 'Phonics groups now run daily.', questions: '' });
    expect(await lastOutboxFields()).toEqual({ update: 'Phonics groups now run daily.' });
    expect(await repos.meetings.getRound(round!.id)).toMatchObject({ update: 'Phonics groups now run daily.', presenterId: aisha.userId });
  });

  it('setAttendance marks and clears one member at a time', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    await repos.meetings.setAttendance(meeting.id, priya.userId, 'present');
    await repos.meetings.setAttendance(meeting.id, tom.userId, 'apologies');
    expect((await repos.meetings.getMeeting(meeting.id))!.attendance).toEqual({ [priya.userId]: 'present', [tom.userId]: 'apologies' });
    await repos.meetings.setAttendance(meeting.id, tom.userId, null);
    expect((await repos.meetings.getMeeting(meeting.id))!.attendance).toEqual({ [priya.userId]: 'present' });
  });

  it('addRound adds a late-comer at the end, once', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const late = await repos.meetings.addRound(meeting.id, dan.userId);
    expect(late.position).toBe(3);
    expect((await repos.meetings.addRound(meeting.id, dan.userId)).id).toBe(late.id);
    expect(await repos.meetings.listRounds(meeting.id)).toHaveLength(4);
  });

  it('lists meetings newest first, and removing one can be undone', async () => {
    const may = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const march = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-03-12' });
    expect((await repos.meetings.listMeetings(SET_ID)).map((m) => m.id)).toEqual([may.id, march.id]);
    await repos.meetings.removeMeeting(may.id);
    expect((await repos.meetings.listMeetings(SET_ID)).map((m) => m.id)).toEqual([march.id]);
    await repos.meetings.restoreMeeting(may.id);
    expect(await repos.meetings.getMeeting(may.id)).toBeDefined();
  });
});

describe('meeting actions', () => {
  it('carryOver makes an open copy in the new meeting, in the person’s round, and marks the old one carried over', async () => {
    const march = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-03-12' });
    const marchRound = (await repos.meetings.listRounds(march.id)).find((r) => r.presenterId === priya.userId)!;
    const action = await repos.meetings.addAction({
      meetingId: march.id,
      roundId: marchRound.id,
      assigneeId: priya.userId,
      text: 'Observe two phonics lessons in Year 1',
      dueOn: '2026-04-30',
    });
    const done = await repos.meetings.addAction({ meetingId: march.id, assigneeId: tom.userId, text: 'Share the maths audit' });
    await repos.meetings.markActionDone(done.id, '2026-04-01');

    const may = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    expect((await repos.meetings.openActionsFromEarlierMeetings(SET_ID, may.heldOn)).map((a) => a.id)).toEqual([action.id]);

    const carried = await repos.meetings.carryOver(action.id, may.id);
    const mayRound = (await repos.meetings.listRounds(may.id)).find((r) => r.presenterId === priya.userId)!;
    expect(carried).toMatchObject({
      meetingId: may.id,
      roundId: mayRound.id,
      assigneeId: priya.userId,
      text: 'Observe two phonics lessons in Year 1',
      dueOn: '2026-04-30',
      status: 'open',
      carriedFromId: action.id,
    });
    expect((await repos.meetings.getAction(action.id))!.status).toBe('carried_over');
    expect(await repos.meetings.openActionsFromEarlierMeetings(SET_ID, may.heldOn)).toEqual([]);
    await expect(repos.meetings.carryOver(action.id, may.id)).rejects.toThrow('Only an open action can be carried over.');
  });

  it('openActionsFromEarlierMeetings lists the oldest meeting’s actions first', async () => {
    const jan = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-01-15' });
    const march = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-03-12' });
    const fromMarch = await repos.meetings.addAction({ meetingId: march.id, assigneeId: tom.userId, text: 'Run a pupil voice survey' });
    const fromJan = await repos.meetings.addAction({ meetingId: jan.id, assigneeId: aisha.userId, text: 'Meet the SENCO' });
    const may = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    await repos.meetings.addAction({ meetingId: may.id, assigneeId: tom.userId, text: 'Agreed today' });

    expect((await repos.meetings.openActionsFromEarlierMeetings(SET_ID, '2026-05-14')).map((a) => a.id)).toEqual([fromJan.id, fromMarch.id]);
  });

  it('actionsDueThisWeek gives my open actions due within 7 days or overdue, soonest first', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const add = (assigneeId: string, text: string, dueOn: string | null) =>
      repos.meetings.addAction({ meetingId: meeting.id, assigneeId, text, dueOn });
    const overdue = await add(priya.userId, 'Book the INSET slot', '2026-05-10');
    const inAWeek = await add(priya.userId, 'Draft the parents’ letter', '2026-05-22');
    await add(priya.userId, 'Too far ahead', '2026-05-23');
    await add(priya.userId, 'No date', null);
    await add(tom.userId, 'Not mine', '2026-05-16');
    const done = await add(priya.userId, 'Already done', '2026-05-16');
    await repos.meetings.markActionDone(done.id, '2026-05-15');

    expect((await repos.meetings.actionsDueThisWeek(priya.userId, '2026-05-15')).map((a) => a.id)).toEqual([overdue.id, inAWeek.id]);
  });

  it('refuses an action with no words', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    await expect(repos.meetings.addAction({ meetingId: meeting.id, assigneeId: tom.userId, text: '  ' })).rejects.toThrow('Say what will be done.');
  });
});

describe('comments', () => {
  it('adds comments in the author’s name, lists them oldest first, and lets only the author remove one', async () => {
    const meeting = await repos.meetings.startMeeting({ setId: SET_ID, heldOn: '2026-05-14' });
    const mine = await repos.comments.add('meetings', meeting.id, 'Good to hear about the change teams.');
    const theirs = await actingAs(db, tom.userId, () =>
      writeRecordChange(db, {
        table: 'comments',
        recordId: 'c-tom',
        fields: { targetTable: 'meetings', targetId: meeting.id, body: 'Thanks — will share the audit.', authorName: tom.displayName },
        create: true,
      }),
    );
    expect(mine.authorName).toBe(facilitator.displayName);
    expect((await repos.comments.list(meeting.id)).map((c) => c.id)).toEqual([mine.id, theirs.id]);

    await expect(repos.comments.remove(theirs.id)).rejects.toThrow('Only its author can remove a comment.');
    await repos.comments.remove(mine.id);
    expect((await repos.comments.list(meeting.id)).map((c) => c.id)).toEqual([theirs.id]);
  });
});

describe('shared with the set', () => {
  it('lists other members’ items shared with the set, with their names, and nothing private or mine', async () => {
    const trialFields = { what: 'Lesson study', why: '', withWhom: '', startDate: null, reviewDate: null, impactJudgement: '', challengeId: null };
    const writeTrial = (owner: string, recordId: string, visibility: string) =>
      actingAs(db, owner, () => writeRecordChange(db, { table: 'trials', recordId, fields: { ...trialFields, visibility }, create: true }));
    await writeTrial(priya.userId, 't-shared', 'set');
    await writeTrial(priya.userId, 't-coach', 'coach');
    await writeTrial('u-stranger', 't-stranger', 'set');
    await repos.trials.create({ what: 'My own trial', visibility: 'set' });

    const shared = await repos.meetings.sharedWithSet(SET_ID);
    expect(shared.map((item) => [item.table, item.record.id, item.ownerName])).toEqual([['trials', 't-shared', priya.displayName]]);
  });
});
