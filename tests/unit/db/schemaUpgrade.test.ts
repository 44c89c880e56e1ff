import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/app/db/createRepositories';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../src/app/db/schemaVersions';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { compareHlc, formatHlc } from '../../../src/domain/hlc';
import { logEntrySchema } from '../../../src/domain/logEntry';
import { applyPatch } from '../../../src/domain/mergeRecord';

/** Realistic data as version 1 of the app wrote it: entries had a body only. */
const NODE = '0190a1b2c3d47e5f8a9b0c1d2e3f4a5b';
const WALL = Date.now() + 60 * 60 * 1000; // the old device's clock ran an hour ahead
const stamp = (n: number) => formatHlc({ wallMs: WALL - 100_000 + n, counter: 0, node: NODE });
const iso = (d: string) => `${d}T09:30:00.000Z`;

/** Identity fields of a record created on `day`, its content fields stamped by write `n`. */
function v1Record(id: string, day: string, n: number, content: Record<string, unknown>) {
  const clocks = Object.fromEntries(['deletedAt', ...Object.keys(content)].map((f) => [f, stamp(n)]));
  return { id, owner: 'local', createdAt: iso(day), updatedAt: iso(day), deletedAt: null, clocks, ...content };
}

function v1Data() {
  const challengeContent = {
    focus: 'Improving the quality of teaching',
    issue: 'Phonics results dipped in Year 1.',
    desiredOutcomes: 'Most pupils pass the check.',
    baseline: '62% passed in 2025.',
    successCriteria: ['80% pass'],
    themes: ['evidence', 'attainment'],
    visibility: 'private',
  };
  const entry = (id: string, day: string, n: number, body: string, challengeId: string | null, trialId: string | null) =>
    v1Record(id, day, n, { occurredAt: iso(day), body, challengeId, trialId });
  return {
    challenge: v1Record('c1', '2025-09-01', 1, challengeContent),
    revision: {
      ...v1Record('rev1', '2025-09-01', 1, { challengeId: 'c1', revisedAt: iso('2025-09-01'), reason: '' }),
      snapshot: challengeContent,
    },
    entries: [
      entry('e1', '2025-10-02', 2, 'First learning walk.', 'c1', null),
      entry('e2', '2025-11-20', 3, 'Coaching session went well.', 'c1', 't1'),
      { ...entry('e3', '2025-10-15', 4, 'Deleted thought.', null, null), deletedAt: iso('2025-10-16') },
    ],
    trial: v1Record('t1', '2025-10-01', 5, {
      what: 'Peer coaching',
      why: 'Share practice',
      withWhom: 'Year 1 team',
      startDate: '2025-10-06',
      reviewDate: '2026-02-01',
      impactJudgement: 'Phonics check',
      challengeId: 'c1',
      visibility: 'private',
      status: 'under_way',
      review: { wentWell: '', notEffective: '', problems: '', learning: '', nextStep: null, nextStepNote: '' },
    }),
    measure: v1Record('m1', '2025-10-01', 6, {
      name: 'Pupils passing the phonics check',
      unit: 'percent',
      unitLabel: '',
      baselineValue: 62,
      baselineDate: '2025-07-01',
      target: 80,
      challengeId: 'c1',
      trialId: 't1',
      visibility: 'private',
    }),
    readings: [
      v1Record('r2', '2026-03-01', 8, { measureId: 'm1', date: '2026-03-01', value: 74, note: '' }),
      v1Record('r1', '2025-12-01', 7, { measureId: 'm1', date: '2025-12-01', value: 68, note: 'Mock' }),
    ],
    outbox: {
      mutationId: 'mut-1',
      table: 'logEntries',
      recordId: 'e2',
      hlc: stamp(3),
      fields: { body: 'Coaching session went well.' },
      createdAt: iso('2025-11-20'),
    },
  };
}

let name: string;
let data: ReturnType<typeof v1Data>;
let db: SetwiseDatabase;

beforeEach(async () => {
  name = 'test-' + crypto.randomUUID();
  data = v1Data();
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.open();
  await old.table('challenges').add(data.challenge);
  await old.table('challengeRevisions').add(data.revision);
  await old.table('logEntries').bulkAdd(data.entries);
  await old.table('trials').add(data.trial);
  await old.table('measures').add(data.measure);
  await old.table('readings').bulkAdd(data.readings);
  await old.table('outbox').add(data.outbox);
  await old.table('meta').bulkAdd([{ key: 'deviceId', value: NODE }, { key: 'lastHlc', value: stamp(8) }]);
  old.close();
  db = new SetwiseDatabase(name);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('upgrade from schema version 1', () => {
  it('opens at the current version', () => {
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('entries gain the v2 fields with defaults, no clock stamped for them, and are otherwise unchanged', async () => {
    for (const v1 of data.entries) {
      const upgraded = await db.logEntries.get(v1.id);
      expect(upgraded).toEqual({ ...v1, tags: [], template: 'free', responses: {}, measureId: null, visibility: 'private' });
      expect(upgraded!.clocks).toEqual(v1.clocks);
      expect(logEntrySchema.safeParse(upgraded).success).toBe(true);
    }
  });

  it('every other record, the outbox row and the device clock are kept exactly', async () => {
    expect(await db.challenges.toArray()).toEqual([data.challenge]);
    expect(await db.challengeRevisions.toArray()).toEqual([data.revision]);
    expect(await db.trials.toArray()).toEqual([data.trial]);
    expect(await db.measures.toArray()).toEqual([data.measure]);
    expect(await db.readings.orderBy('id').toArray()).toEqual([...data.readings].sort((a, b) => a.id.localeCompare(b.id)));
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([{ ...data.outbox, seq: expect.any(Number) }]);
    expect((await db.meta.get('lastHlc'))?.value).toBe(stamp(8));
  });

  it('the repositories list the old records', async () => {
    const repos = createRepositories(db);
    expect((await repos.logEntries.list()).map((e) => e.id)).toEqual(['e2', 'e1']);
    expect((await repos.challenge.current())?.focus).toBe('Improving the quality of teaching');
    expect((await repos.challenge.revisions('c1')).map((r) => r.id)).toEqual(['rev1']);
    expect((await repos.trials.list()).map((t) => [t.id, t.status])).toEqual([['t1', 'under_way']]);
    expect((await repos.measures.list()).map((m) => m.id)).toEqual(['m1']);
    expect((await repos.measures.readings('m1')).map((r) => r.value)).toEqual([68, 74]);
    expect(await repos.device.pendingChangeCount()).toBe(1);
  });

  it('the new tags index works: tag an old entry, then find it by tag', async () => {
    const repos = createRepositories(db);
    expect(await repos.logEntries.listByTag('coaching')).toEqual([]);
    await repos.logEntries.update('e1', { tags: ['coaching', 'KS1'] });
    expect((await repos.logEntries.listByTag('coaching')).map((e) => e.id)).toEqual(['e1']);
    const last = await db.outbox.orderBy('seq').last();
    expect(last).toMatchObject({ recordId: 'e1', fields: { tags: ['coaching', 'KS1'] } });
    expect(last!.fields).toEqual({ tags: ['coaching', 'KS1'] });
    expect(compareHlc(last!.hlc, stamp(8))).toBeGreaterThan(0);
    expect(last!.clocks).toEqual({ tags: last!.hlc });
  });

  it('an edit to a record with an unsent v1 outbox row folds into it, keeping the old field at its own stamp', async () => {
    const repos = createRepositories(db);
    const tagged = await repos.logEntries.update('e2', { tags: ['coaching'] });
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ mutationId: 'mut-1', recordId: 'e2', createdAt: data.outbox.createdAt });
    expect(row!.fields).toEqual({ body: 'Coaching session went well.', tags: ['coaching'] });
    expect(row!.clocks).toEqual({ body: stamp(3), tags: tagged.clocks.tags });
    expect(row!.hlc).toBe(tagged.clocks.tags);
    expect(compareHlc(row!.hlc, stamp(8))).toBeGreaterThan(0);
    expect(tagged.clocks.body).toBe(stamp(3));
  });

  it('the measureId index works on old entries', async () => {
    const repos = createRepositories(db);
    await repos.logEntries.update('e1', { measureId: 'm1' });
    expect((await db.logEntries.where('measureId').equals('m1').toArray()).map((e) => e.id)).toEqual(['e1']);
  });

  it('the drafts table exists and keeps drafts', async () => {
    const repos = createRepositories(db);
    await repos.drafts.put('new-entry', { body: 'x' });
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'x' });
  });

  it('an upgrade default loses to any real edit synced from another device', async () => {
    const upgraded = (await db.logEntries.get('e1'))!;
    const remote = formatHlc({ wallMs: 1, counter: 0, node: 'other' });
    const patch = { recordId: 'e1', hlc: remote, fields: { tags: ['from-laptop'], visibility: 'coach' } };
    const merged = applyPatch(upgraded, patch, iso('2026-01-01'));
    expect(merged).toMatchObject({ tags: ['from-laptop'], visibility: 'coach', body: 'First learning walk.' });
  });
});

describe('upgrade from schema version 2 to 3', () => {
  it('queues every photo taken before sync existed for upload, and keeps everything else', async () => {
    const name = `test-v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.open();
    const bytes = new Uint8Array([1, 2, 3, 4]);
    await old.table('photoBlobs').bulkPut([
      { sha256: 'a'.repeat(64), blob: new Blob([bytes], { type: 'image/jpeg' }), mimeType: 'image/jpeg', bytes: 4 },
      { sha256: 'b'.repeat(64), blob: new Blob([bytes], { type: 'image/jpeg' }), mimeType: 'image/jpeg', bytes: 4 },
    ]);
    await old.table('drafts').put({ key: 'new-entry', value: { body: 'Half a thought' }, updatedAt: '2026-05-14T09:30:00.000Z' });
    old.close();

    const db = new SetwiseDatabase(name);
    expect((await db.blobUploads.toCollection().primaryKeys()).sort()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(await db.photoBlobs.count()).toBe(2);
    expect((await db.drafts.get('new-entry'))?.value).toEqual({ body: 'Half a thought' });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    db.close();
    await db.delete();
  });
});

describe('upgrade from schema version 3 to 4', () => {
  it('keeps entries, outbox and cursor, and adds the set tables empty and writable', async () => {
    const name = `test-v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    await old.open();
    const entry = {
      id: 'e1',
      owner: 'u1',
      createdAt: iso('2026-05-14'),
      updatedAt: iso('2026-05-14'),
      deletedAt: null,
      clocks: { body: formatHlc({ wallMs: 1, counter: 0, node: 'tablet' }) },
      occurredAt: iso('2026-05-14'),
      body: 'Learning walk in Year 2: phonics groups are calmer.',
      template: 'free',
      responses: {},
      tags: ['phonics'],
      challengeId: null,
      trialId: null,
      measureId: null,
      visibility: 'private',
    };
    await old.table('logEntries').put(entry);
    await old.table('outbox').add({ mutationId: 'm1', table: 'logEntries', recordId: 'e1', hlc: entry.clocks.body, fields: { body: entry.body }, createdAt: entry.createdAt });
    await old.table('meta').put({ key: 'syncCursor', value: 42 });
    old.close();

    const db = new SetwiseDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.logEntries.get('e1')).toEqual(entry);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.meta.get('syncCursor'))?.value).toBe(42);
    expect(await db.meetings.count()).toBe(0);
    await db.memberships.put({ id: 'm1', owner: 'c1', createdAt: iso('2026-09-01'), updatedAt: iso('2026-09-01'), deletedAt: null, clocks: {}, cohortId: 'c', userId: 'u1', displayName: 'Priya Shah', role: 'participant', setId: 's1', coacheeId: null, status: 'active', withdrawnOn: null });
    expect(await db.memberships.where('setId').equals('s1').count()).toBe(1);
    db.close();
    await db.delete();
  });
});

describe('upgrade from schema version 4 to 5', () => {
  it('keeps meeting notes and set-aside changes, and adds the diagnostic, poster and search index tables', async () => {
    const name = `test-v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    old.version(3).stores(SCHEMA_V3);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    const round = { id: 'r1', owner: 'f1', createdAt: iso('2026-11-20'), updatedAt: iso('2026-11-20'), deletedAt: null, clocks: {}, meetingId: 'm1', setId: 's1', presenterId: 'u1', position: 0, update: 'Phonics groups daily.', questions: '', suggestions: '', memberNotes: '' };
    await old.table('meetingRounds').put(round);
    await old.table('setAsideChanges').add({ table: 'meetings', recordId: 'm1', fields: { sharedLearning: 'Mine' }, reason: 'Only the set’s facilitator can change the meeting notes.', setAsideAt: iso('2026-11-21') });
    old.close();

    const db = new SetwiseDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.meetingRounds.get('r1')).toEqual(round);
    expect(await db.setAsideChanges.count()).toBe(1);
    expect(await db.diagnostics.count()).toBe(0);
    expect(await db.posters.count()).toBe(0);
    expect(await db.searchIndex.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
