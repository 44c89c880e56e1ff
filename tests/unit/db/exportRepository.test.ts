// @vitest-environment node
// Node's own Blob and WebCrypto (as photoRepository.test.ts): photos are hashed when added.
// "Download everything I wrote": the person's own writing, and only theirs, as one JSON file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { exportFileName } from '../../../src/app/db/repositories/exportRepository';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';

let db: SetwiseDatabase;
let repos: Repositories;

const NOW = new Date('2026-11-23T10:15:00.000Z');
const base = { updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null, clocks: {} };

beforeEach(async () => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
  await db.meta.put({ key: 'owner', value: 'priya' });
  const membership = { ...base, cohortId: 'cohort-1', role: 'participant' as const, setId: 'set-a', coacheeId: null, status: 'active' as const, withdrawnOn: null };
  await db.memberships.bulkPut([
    { ...membership, id: 'm-priya', owner: 'coordinator', createdAt: '2026-01-01T09:00:00.000Z', userId: 'priya', displayName: 'Priya Shah' },
    { ...membership, id: 'm-sam', owner: 'coordinator', createdAt: '2026-01-01T09:00:00.000Z', userId: 'sam', displayName: 'Sam Lee' },
  ]);
});
afterEach(async () => {
  await db.delete();
});

async function exported(): Promise<Record<string, unknown> & { [table: string]: unknown }> {
  const blob = await repos.writingExport.buildExport(NOW);
  expect(blob.type).toBe('application/json');
  return JSON.parse(await blob.text()) as Record<string, unknown>;
}

function ids(file: Record<string, unknown>, table: string): string[] {
  return (file[table] as { id: string }[]).map((record) => record.id);
}

/** A meeting of set A, its rounds (Priya's and Sam's) and actions for each of them, as a pull stores them. */
async function seedMeeting() {
  await db.meetings.put({
    ...base, id: 'meeting-1', owner: 'facilitator', createdAt: '2026-03-10T15:00:00.000Z', setId: 'set-a', heldOn: '2026-03-10',
    place: 'Oakfield Primary, library', attendance: { priya: 'present' }, checkIn: 'The set’s check-in', sharedLearning: 'The set’s learning', roundMinutes: 20, stage: 'closed',
  });
  const round = { ...base, owner: 'facilitator', meetingId: 'meeting-1', setId: 'set-a', questions: '', suggestions: '' };
  await db.meetingRounds.bulkPut([
    { ...round, id: 'round-priya', createdAt: '2026-03-10T15:01:00.000Z', presenterId: 'priya', position: 0, update: 'Phonics groups started', memberNotes: 'Try it with Year 1' },
    { ...round, id: 'round-sam', createdAt: '2026-03-10T15:02:00.000Z', presenterId: 'sam', position: 1, update: 'Sam’s update', memberNotes: '' },
  ]);
  const action = { ...base, owner: 'facilitator', meetingId: 'meeting-1', setId: 'set-a', dueOn: '2026-04-01', status: 'open' as const, completedOn: null, carriedFromId: null };
  await db.meetingActions.bulkPut([
    { ...action, id: 'action-priya', createdAt: '2026-03-10T15:05:00.000Z', roundId: 'round-priya', assigneeId: 'priya', text: 'Observe a Year 1 phonics group' },
    { ...action, id: 'action-sam', createdAt: '2026-03-10T15:06:00.000Z', roundId: 'round-sam', assigneeId: 'sam', text: 'Sam’s action' },
    // An action whose meeting this device does not hold (say, one before joining the set).
    { ...action, id: 'action-orphan', createdAt: '2026-02-01T15:06:00.000Z', meetingId: 'meeting-gone', roundId: null, assigneeId: 'priya', text: 'Read the phonics review' },
  ]);
}

describe('the export of everything I wrote', () => {
  it('is a JSON file with its format, version, date and the person', async () => {
    const file = await exported();
    expect(file).toMatchObject({
      format: 'setwise-export',
      version: 2,
      exportedAt: '2026-11-23T10:15:00.000Z',
      person: { userId: 'priya', displayName: 'Priya Shah' },
    });
    for (const table of ['logEntries', 'challenges', 'challengeRevisions', 'trials', 'measures', 'readings', 'photos', 'comments', 'diagnostics', 'posters', 'coachingSessions', 'meetingRounds', 'meetingActions']) {
      expect(file[table], table).toEqual([]);
    }
  });

  it('holds all my own writing as stored (deleted records too: a backup keeps history), oldest first, and never what others shared with me', async () => {
    const later = await repos.logEntries.create({ occurredAt: '2026-05-02T09:00:00.000Z', body: 'Second entry' });
    const earlier = await repos.logEntries.create({ occurredAt: '2026-05-03T09:00:00.000Z', body: 'First entry' });
    // createdAt, not occurredAt, orders the file: the one written second was written earlier.
    await db.logEntries.update(later.id, { createdAt: '2026-05-02T09:00:00.000Z' });
    await db.logEntries.update(earlier.id, { createdAt: '2026-01-01T00:00:00.000Z' });
    const deleted = await repos.logEntries.create({ occurredAt: '2026-05-04T09:00:00.000Z', body: 'Deleted' });
    await repos.logEntries.remove(deleted.id);
    await db.logEntries.update(deleted.id, { createdAt: '2026-05-04T09:00:00.000Z' });
    // Written before the first sign-in on this device: still mine.
    await db.logEntries.put({
      ...base, id: 'signed-out', owner: 'local', createdAt: '2026-06-01T09:00:00.000Z', occurredAt: '2026-06-01T09:00:00.000Z',
      body: 'Before signing in', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'private',
    });
    // A set member's entry shared with the set, as a pull stores it.
    await db.logEntries.put({
      ...base, id: 'sams-entry', owner: 'sam', createdAt: '2026-05-01T09:00:00.000Z', occurredAt: '2026-05-01T09:00:00.000Z',
      body: 'Sam’s shared entry', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'set',
    });
    const challenge = await repos.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1' });
    const file = await exported();

    expect(ids(file, 'logEntries')).toEqual([earlier.id, later.id, deleted.id, 'signed-out']);
    expect((file.logEntries as unknown[])[2]).toEqual(JSON.parse(JSON.stringify(await db.logEntries.get(deleted.id))));
    const stored = await db.logEntries.get(later.id);
    expect((file.logEntries as unknown[])[1]).toEqual(JSON.parse(JSON.stringify(stored)));
    expect(ids(file, 'challenges')).toEqual([challenge.id]);
    expect(JSON.stringify(file)).not.toContain('Sam’s shared entry');
  });

  it('holds my round and my actions with the meeting’s date and place, not the set’s other rounds or notes', async () => {
    await seedMeeting();
    const file = await exported();

    expect(ids(file, 'meetingRounds')).toEqual(['round-priya']);
    expect((file.meetingRounds as unknown[])[0]).toMatchObject({
      update: 'Phonics groups started',
      memberNotes: 'Try it with Year 1',
      meeting: { id: 'meeting-1', heldOn: '2026-03-10', place: 'Oakfield Primary, library' },
    });
    expect(ids(file, 'meetingActions')).toEqual(['action-orphan', 'action-priya']);
    expect(file.meetingActions).toMatchObject([{ meeting: null }, { text: 'Observe a Year 1 phonics group', meeting: { heldOn: '2026-03-10' } }]);
    const text = JSON.stringify(file);
    for (const others of ['Sam’s update', 'Sam’s action', 'The set’s check-in', 'The set’s learning']) expect(text).not.toContain(others);
  });

  it('holds my coaching sessions (as coach or coachee) and my comments, not other people’s', async () => {
    const session = { ...base, owner: 'lee', focus: '', notes: '', nextSteps: '' };
    await db.coachingSessions.bulkPut([
      { ...session, id: 'coached', createdAt: '2026-04-01T09:00:00.000Z', coachId: 'lee', participantId: 'priya', heldOn: '2026-04-01', notes: 'Our notes' },
      { ...session, id: 'others', createdAt: '2026-04-02T09:00:00.000Z', coachId: 'lee', participantId: 'sam', heldOn: '2026-04-02', notes: 'Sam’s coaching' },
    ]);
    const comment = { ...base, targetTable: 'logEntries' as const, targetId: 'sams-entry' };
    await db.comments.bulkPut([
      { ...comment, id: 'my-comment', owner: 'priya', createdAt: '2026-05-02T09:00:00.000Z', body: 'Lovely idea', authorName: 'Priya Shah' },
      { ...comment, id: 'sams-comment', owner: 'sam', createdAt: '2026-05-03T09:00:00.000Z', body: 'Sam’s comment', authorName: 'Sam Lee' },
    ]);
    const file = await exported();

    expect(ids(file, 'coachingSessions')).toEqual(['coached']);
    expect(ids(file, 'comments')).toEqual(['my-comment']);
  });

  it('gives back a photo’s bytes, identical, from its data URL (and says when the bytes are not on the device)', async () => {
    const entry = await repos.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Display in the hall' });
    // Large enough to span several base64 pieces, with every byte value.
    const bytes = Uint8Array.from({ length: 70_001 }, (_, i) => (i * 7 + (i >> 8)) % 256);
    const photo = await repos.photos.add(entry.id, { blob: new Blob([bytes], { type: 'image/jpeg' }), width: 2048, height: 1536 }, 'Year 2 display');
    const second = await repos.photos.add(entry.id, { blob: new Blob([Uint8Array.of(1, 2, 3)], { type: 'image/png' }), width: 1, height: 1 });
    await db.photoBlobs.delete(second.sha256);
    const file = await exported();

    const photos = file.photos as { id: string; caption: string; sha256: string; dataUrl: string | null }[];
    expect(photos.map((p) => p.id)).toEqual([photo.id, second.id]);
    expect(photos[0]).toMatchObject({ caption: 'Year 2 display', sha256: photo.sha256 });
    const dataUrl = photos[0]?.dataUrl ?? '';
    expect(dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const back = new Uint8Array(await (await fetch(dataUrl)).arrayBuffer());
    expect(back).toEqual(bytes);
    expect(photos[1]?.dataUrl).toBeNull();
  });

  it('counts my entries, challenge, trials, measures and photos for Settings', async () => {
    await repos.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'One' });
    await repos.logEntries.create({ occurredAt: '2026-05-15T09:30:00.000Z', body: 'Two' });
    await repos.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1' });
    expect(await repos.writingExport.summary()).toEqual({
      userId: 'priya',
      displayName: 'Priya Shah',
      entries: 2,
      challenges: 1,
      trials: 0,
      measures: 0,
      photos: 0,
    });
  });
});

describe('the file name', () => {
  it('is ASCII, lower case and hyphenated, with the day it was made', () => {
    expect(exportFileName(new Date(2026, 10, 23, 9, 0), 'Priya Shah')).toBe('setwise-priya-shah-2026-11-23.json');
    expect(exportFileName(new Date(2026, 10, 23, 9, 0), '  Zoë O’Brien-Núñez ')).toBe('setwise-zoe-o-brien-nunez-2026-11-23.json');
    expect(exportFileName(new Date(2026, 10, 23, 9, 0), undefined)).toBe('setwise-2026-11-23.json');
    expect(exportFileName(new Date(2026, 10, 23, 9, 0), '李')).toBe('setwise-2026-11-23.json');
  });
});
