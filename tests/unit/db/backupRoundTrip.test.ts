// @vitest-environment node
// Node's own Blob and WebCrypto (as exportRepository.test.ts): photo bytes are hashed on restore.
// The full backup, round trip: a generated year of one person's writing (thousands of records,
// photos) → "Download everything I wrote" → read the file → restore into an empty database of
// a new account → the same records, table by table (ids, content, clocks; the new owner), the
// same photo bytes, nothing missing; a second restore changes nothing; a newer edit made on the
// device before restoring is kept. Set BACKUP_SEED to replay a failing year.
import { photoBlobOf } from '../../../src/app/db/photoBlobRow';
import type { PhotoBlobRow } from '../../../src/app/db/rows';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/app/db/createRepositories';
import type { LoadedBackup } from '../../../src/app/db/repositories/restoreRepository';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { BACKUP_VERSION } from '../../../src/domain/backup/backupFile';
import { formatHlc } from '../../../src/domain/hlc';
import { OWN_WRITING_TABLES } from '../../../src/domain/sync/ownWritingTables';
import { LOCAL_OWNER, type SyncedRecord } from '../../../src/domain/syncedRecord';
import { generateYear, type GeneratedYear } from '../../support/generateYear';
import { putYear } from '../../support/putYear';
import legacyFile from '../domain/fixtures/setwise-export-v1.json';

const SEED = Number(process.env.BACKUP_SEED ?? Math.floor(Math.random() * 1_000_000));
const OLD_OWNER = 'priya-old-account';
const NEW_OWNER = 'priya-new-account';
const NOW = new Date('2026-11-23T10:15:00.000Z');

const opened: SetwiseDatabase[] = [];
function newDatabase(): SetwiseDatabase {
  const db = new SetwiseDatabase(`backup-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const stamp = (iso: string, node = 'tablet') => formatHlc({ wallMs: Date.parse(iso), counter: 0, node });

function stored(fields: Record<string, unknown>, at: string, owner = OLD_OWNER, node = 'tablet') {
  const clock = stamp(at, node);
  return { ...fields, owner, createdAt: at, updatedAt: at, deletedAt: null, clocks: Object.fromEntries(Object.keys(fields).filter((f) => f !== 'id').map((f) => [f, clock])) };
}

/**
 * What a long-used tablet holds beyond the generated year: deleted records (history), an entry
 * with two versions of its text, diagnostics and a poster, comments, two photos sharing bytes, a
 * photo whose bytes never reached this device, writing from before the first sign-in — and a
 * set member's shared entry and comment, which are not this person's and never in the backup.
 */
async function addHistory(db: SetwiseDatabase, year: GeneratedYear): Promise<void> {
  const entries = year.tables.logEntries ?? [];
  const photos = year.tables.photos ?? [];
  const deletedAt = '2027-03-01T10:00:00.000Z';
  for (const entry of entries.slice(0, 25)) {
    await db.logEntries.update(entry.id, { deletedAt, updatedAt: deletedAt, clocks: { ...(entry.clocks as Record<string, string>), deletedAt: stamp(deletedAt) } });
  }
  const conflicted = entries[30];
  if (!conflicted) throw new Error('the year is too short');
  await db.logEntries.update(conflicted.id, { conflicts: { body: { value: 'The other tablet’s version', stamp: stamp('2027-01-02T09:00:00.000Z', 'laptop'), at: '2027-01-02T09:01:00.000Z' } } });
  const firstPhoto = photos[0];
  if (!firstPhoto) throw new Error('the year has no photos');
  await db.table('photos').bulkPut([
    { ...stored({ entryId: entries[40]?.id, sha256: firstPhoto.sha256, mimeType: 'image/png', width: 64, height: 48, bytes: firstPhoto.bytes, caption: 'Same bytes, second entry' }, '2027-02-01T09:00:00.000Z'), id: 'photo-shared-bytes' },
    { ...stored({ entryId: entries[41]?.id, sha256: 'f'.repeat(64), mimeType: 'image/jpeg', width: 64, height: 48, bytes: 10, caption: 'Bytes never downloaded' }, '2027-02-02T09:00:00.000Z'), id: 'photo-no-bytes' },
  ]);
  await db.table('diagnostics').bulkPut([
    { ...stored({ takenOn: '2026-09-15', label: 'Start of the year', ratings: { resilience: { score: 2, note: 'Wobbly' } }, visibility: 'private' }, '2026-09-15T16:00:00.000Z'), id: 'diagnostic-1' },
    { ...stored({ takenOn: '2027-05-15', label: 'Spring review', ratings: { resilience: { score: 4, note: '' } }, visibility: 'coach' }, '2027-05-15T16:00:00.000Z'), id: 'diagnostic-2' },
  ]);
  await db.table('posters').put({ ...stored({ title: 'Phonics in KS1', size: 'A3', overrides: { learningPoints: 'Ask before advising.' }, measureIds: null, visibility: 'set' }, '2027-06-01T16:00:00.000Z'), id: 'poster-1' });
  await db.table('comments').bulkPut([
    { ...stored({ targetTable: 'logEntries', targetId: 'sams-entry', body: 'Lovely idea', authorName: 'Priya Shah' }, '2027-01-10T16:00:00.000Z'), id: 'my-comment' },
    { ...stored({ targetTable: 'logEntries', targetId: entries[5]?.id, body: 'Sam’s comment on my entry', authorName: 'Sam Lee' }, '2027-01-11T16:00:00.000Z', 'sam'), id: 'sams-comment' },
  ]);
  await db.table('logEntries').bulkPut([
    { ...stored({ occurredAt: '2026-08-30T08:00:00.000Z', body: 'Before I signed in', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'private' }, '2026-08-30T08:00:00.000Z', LOCAL_OWNER), id: 'signed-out-entry' },
    { ...stored({ occurredAt: '2027-01-09T08:00:00.000Z', body: 'Sam’s shared entry', template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'set' }, '2027-01-09T08:00:00.000Z', 'sam'), id: 'sams-entry' },
  ]);
}

/** Every own-writing record of `db`, table by table, sorted by id, as the new account owns them. */
async function ownRecords(db: SetwiseDatabase, owners: readonly string[], asOwner: string): Promise<Record<string, SyncedRecord[]>> {
  const tables: Record<string, SyncedRecord[]> = {};
  for (const table of OWN_WRITING_TABLES) {
    const records = (await db.table(table).toArray()) as SyncedRecord[];
    tables[table] = records
      .filter((record) => owners.includes(record.owner))
      .map((record) => ({ ...record, owner: asOwner }))
      .sort((a, b) => a.id.localeCompare(b.id));
  }
  return tables;
}

/** Everything restoring may touch, comparable with toEqual. */
async function snapshot(db: SetwiseDatabase) {
  const blobs = await Promise.all((await db.photoBlobs.toArray()).map(async (row) => ({ ...row, data: undefined, blob: [...new Uint8Array(await photoBlobOf(row).arrayBuffer())] })));
  return {
    records: await ownRecords(db, [NEW_OWNER], NEW_OWNER),
    outbox: await db.outbox.toArray(),
    blobs,
    uploads: await db.blobUploads.toArray(),
    meta: await db.meta.toArray(),
  };
}

async function backupOf(source: SetwiseDatabase, into: SetwiseDatabase): Promise<LoadedBackup> {
  const file = await createRepositories(source).writingExport.buildExport(NOW);
  return createRepositories(into).restore.readBackup(file);
}

describe('a full backup, restored', () => {
  it(`brings back a generated year exactly: every record, its history and clocks, and every photo byte (seed ${SEED})`, async () => {
    console.info(`backup round trip: generated year with seed ${SEED} (BACKUP_SEED=${SEED} replays it)`);
    const year = await generateYear({ seed: SEED, owner: OLD_OWNER, entries: 2500, photos: 60 });
    const source = newDatabase();
    await putYear(source, year, OLD_OWNER);
    await addHistory(source, year);
    const expected = await ownRecords(source, [OLD_OWNER, LOCAL_OWNER], NEW_OWNER);
    const expectedCount = Object.values(expected).reduce((sum, list) => sum + list.length, 0);
    expect(expectedCount).toBeGreaterThan(2500);

    const target = newDatabase();
    await target.meta.put({ key: 'owner', value: NEW_OWNER });
    const backup = await backupOf(source, target);
    expect(backup.file).toMatchObject({ format: 'setwise-export', version: BACKUP_VERSION, person: { userId: OLD_OWNER } });
    expect(backup.summary).toMatchObject({ items: expectedCount, deleted: 25, unreadable: 0, photosWithBytes: 61 });
    expect(backup.summary.counts).toMatchObject({ logEntries: 2500 + 1 - 25, diagnostics: 2, posters: 1, comments: 1, photos: 62 });
    // Rounds, actions and coaching notes are in the file to read, not restored.
    expect(backup.summary.readOnly).toBe((year.tables.meetingRounds ?? []).length + (year.tables.meetingActions ?? []).length + (year.tables.coachingSessions ?? []).length);

    const result = await createRepositories(target).restore.restore(backup);
    expect(result).toEqual({ added: expectedCount, updated: 0, unchanged: 0, skipped: 0, photosStored: year.photoBytes.size, photosMissing: 1 });

    const restored = await ownRecords(target, [NEW_OWNER], NEW_OWNER);
    for (const table of OWN_WRITING_TABLES) {
      expect(restored[table]?.length, `${table}: count`).toBe(expected[table]?.length);
      expect(restored[table], table).toEqual(expected[table]);
    }
    expect(await target.logEntries.get('sams-entry')).toBeUndefined();
    expect(await target.comments.get('sams-comment')).toBeUndefined();
    for (const table of ['meetingRounds', 'meetingActions', 'coachingSessions', 'memberships'] as const) expect(await target.table(table).count(), table).toBe(0);

    for (const [sha256, photo] of year.photoBytes) {
      const row = await target.photoBlobs.get(sha256);
      expect(row, sha256).toBeDefined();
      expect(new Uint8Array(await photoBlobOf(row as PhotoBlobRow).arrayBuffer())).toEqual(photo.bytes);
      expect(row).toMatchObject({ mimeType: photo.mimeType, bytes: photo.bytes.length });
    }
    expect((await target.blobUploads.toArray()).map((row) => row.sha256).sort()).toEqual([...year.photoBytes.keys()].sort());

    // Every restored record waits to sync in full: each stamped field with its own stamp.
    const outbox = await target.outbox.toArray();
    expect(outbox).toHaveLength(expectedCount);
    const entry = restored.logEntries?.[100] as SyncedRecord & { body: string };
    expect(outbox.find((row) => row.recordId === entry.id)).toMatchObject({ table: 'logEntries', fields: { body: entry.body }, clocks: entry.clocks });

    // Restoring the same file again changes nothing at all.
    const before = await snapshot(target);
    const again = await createRepositories(target).restore.restore(await backupOf(source, target));
    expect(again).toEqual({ added: 0, updated: 0, unchanged: expectedCount, skipped: 0, photosStored: 0, photosMissing: 1 });
    expect(await snapshot(target)).toEqual(before);
  }, 120_000);

  it('keeps a newer edit made on this device, and brings the rest of the record up to date', async () => {
    const year = await generateYear({ seed: SEED, owner: OLD_OWNER, entries: 40, photos: 2 });
    const source = newDatabase();
    await putYear(source, year, OLD_OWNER);
    const target = newDatabase();
    await target.meta.put({ key: 'owner', value: NEW_OWNER });
    const repositories = createRepositories(target);
    await repositories.restore.restore(await backupOf(source, target));
    const [edited, deleted, behind] = (await repositories.logEntries.list()).slice(-3);
    if (!edited || !deleted || !behind) throw new Error('expected entries');

    // On this device, after the backup was made: one entry rewritten, one deleted.
    await repositories.logEntries.update(edited.id, { body: 'Rewritten here, after the backup' });
    await repositories.logEntries.remove(deleted.id);
    // And one where the backup is the newer copy: this device still has an older version.
    const older = { ...behind, body: 'An older version', clocks: { ...behind.clocks, body: stamp('2020-01-01T00:00:00.000Z') } };
    await target.logEntries.put(older);
    // The backup also changed the tags of the edited entry later than this device's copy had them.
    const newerTags = ['from-the-backup'];
    await source.logEntries.update(edited.id, { tags: newerTags, clocks: { ...edited.clocks, tags: stamp('2099-01-01T00:00:00.000Z', 'other') } });

    const result = await repositories.restore.restore(await backupOf(source, target));
    expect(result).toMatchObject({ added: 0, updated: 2, skipped: 0 });
    expect(await target.logEntries.get(edited.id)).toMatchObject({ body: 'Rewritten here, after the backup', tags: newerTags, owner: NEW_OWNER });
    expect((await target.logEntries.get(deleted.id))?.deletedAt).not.toBeNull();
    expect(await target.logEntries.get(behind.id)).toMatchObject({ body: behind.body, clocks: behind.clocks });
    // What changed waits to sync with the newer values.
    const row = (await target.outbox.where('recordId').equals(edited.id).toArray()).at(-1);
    expect(row?.fields).toMatchObject({ body: 'Rewritten here, after the backup', tags: newerTags });
  });

  it('refuses files that are not backups, or from a newer Setwise, in plain words', async () => {
    const restore = createRepositories(newDatabase()).restore;
    const file = (text: string) => new Blob([text], { type: 'application/json' });
    await expect(restore.readBackup(file('not json at all'))).rejects.toThrow('This is not a Setwise backup.');
    await expect(restore.readBackup(file('{"format":"something-else","version":1}'))).rejects.toThrow('This is not a Setwise backup.');
    await expect(restore.readBackup(file('{"format":"setwise-export","version":3,"exportedAt":"2030-01-01T00:00:00.000Z"}'))).rejects.toThrow(
      'This backup was made by a newer version of Setwise — update first.',
    );
    await expect(restore.readBackup(file('{"format":"setwise-export","version":2,"exportedAt":"yesterday"}'))).rejects.toThrow('This backup is damaged');
  });

  it('restores photo bytes only when they match their hash', async () => {
    const year = await generateYear({ seed: SEED, owner: OLD_OWNER, entries: 10, photos: 2 });
    const source = newDatabase();
    await putYear(source, year, OLD_OWNER);
    const target = newDatabase();
    await target.meta.put({ key: 'owner', value: NEW_OWNER });
    const backup = await backupOf(source, target);
    const [good, bad] = backup.file.photos;
    if (!good || !bad) throw new Error('expected two photos');
    bad.dataUrl = good.dataUrl;
    const result = await createRepositories(target).restore.restore(backup);
    expect(result).toMatchObject({ photosStored: 1, photosMissing: 1 });
    expect(await target.photoBlobs.get(bad.sha256)).toBeUndefined();
    expect(await target.photos.get(bad.id)).toBeDefined();
  });

  it('restores a version-1 file people already downloaded', async () => {
    const target = newDatabase();
    await target.meta.put({ key: 'owner', value: NEW_OWNER });
    const restore = createRepositories(target).restore;
    const backup = await restore.readBackup(new Blob([JSON.stringify(legacyFile)], { type: 'application/json' }));
    expect(backup.summary).toMatchObject({
      version: 1,
      person: { userId: 'priya', displayName: 'Priya Shah' },
      items: 7,
      deleted: 0,
      photosWithBytes: 1,
      readOnly: 3,
      counts: { logEntries: 2, challenges: 1, challengeRevisions: 1, photos: 2, comments: 1, trials: 0 },
    });
    expect(await restore.restore(backup)).toEqual({ added: 7, updated: 0, unchanged: 0, skipped: 0, photosStored: 1, photosMissing: 1 });
    expect(await target.logEntries.get('entry-2')).toEqual({ ...legacyFile.logEntries[1], owner: NEW_OWNER });
    const row = await target.photoBlobs.get(legacyFile.photos[0]?.sha256 ?? '');
    expect(new Uint8Array(await photoBlobOf(row as PhotoBlobRow).arrayBuffer())).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 250, 251, 252, 253]));
    expect(await target.meetingRounds.count()).toBe(0);
    expect(await target.coachingSessions.count()).toBe(0);
  });
});
