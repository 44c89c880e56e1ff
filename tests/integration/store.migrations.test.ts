// Upgrading a database that holds data: a server of the previous release (schema at the
// migration before the latest) has been used, then the new release starts and migrates.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, pendingMigrations } from '../../src/server/storage/migrations';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

// The tests below upgrade from 1 to the latest and from 2 to 3; a new migration should get an upgrade test of its own.
const PREVIOUS = 1;

describe.each(targets)('$name store: migration upgrades', (target) => {
  it('has consecutive migrations, each written for both databases', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    for (const migration of MIGRATIONS) {
      expect(migration.sqlite.trim()).not.toBe('');
      expect(migration.postgres.trim()).not.toBe('');
    }
  });

  it(`upgrades a database at migration ${PREVIOUS} with records, batches and blobs to the latest, keeping them`, async () => {
    const database = await target.newDatabase();
    const old = database.open();
    await old.migrate(PREVIOUS);
    expect(await database.appliedMigrations()).toEqual([1]);
    const epoch = await old.epoch();

    // What a release at migration 1 could hold: a few owners' records, updated, and photos.
    // (Rows written as that release wrote them: the current Store also writes audiences.)
    const journal = { id: 'e1', owner: 'u1', text: 'Tried the new warm-up — group energy up', clocks: { text: 'c1' } };
    await database.insertOldRecord('challenges', 'c1', 'u1', { id: 'c1', title: 'Quiet voices', clocks: {} }, 2);
    await database.insertOldRecord('trials', 't1', 'u2', { id: 't1', strategy: 'Think-pair-share', clocks: {} }, 3);
    await database.insertOldRecord('logEntries', 'e1', 'u1', journal, 4);
    await old.transaction(async (tx) => {
      await tx.recordBatch('u1', 'batch-a', new Date('2024-04-30T08:00:00.000Z'));
      await tx.recordBatch('u1', 'batch-b', new Date('2024-04-30T09:00:00.000Z'));
    });
    const photo = randomBytes(64 * 1024);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    await old.putBlob('u1', photoHash, photo, 'image/jpeg');
    const recordsBefore = [...(await old.pullRecords('u1', 0, 100)), ...(await old.pullRecords('u2', 0, 100))];
    const maxBefore = Math.max(...recordsBefore.map((record) => record.seq));
    // Migration 2's tables do not exist yet.
    await expect(old.countUsers()).rejects.toThrow();
    await old.close();

    const upgraded = database.open();
    await upgraded.migrate();
    expect(await database.appliedMigrations()).toEqual([1, 2, 3]);
    expect(await upgraded.epoch()).toBe(epoch);
    expect([...(await upgraded.pullRecords('u1', 0, 100)), ...(await upgraded.pullRecords('u2', 0, 100))]).toEqual(recordsBefore);
    expect(recordsBefore.find((r) => r.id === 'e1')?.doc).toEqual(journal);
    expect(await upgraded.maxSeq()).toBe(maxBefore);
    expect(await upgraded.transaction(async (tx) => [await tx.hasBatch('u1', 'batch-a'), await tx.hasBatch('u1', 'batch-b')])).toEqual([
      true,
      true,
    ]);
    expect((await upgraded.getBlob('u1', photoHash))?.bytes.equals(photo)).toBe(true);

    // Seqs go on from where they were, and the new tables work.
    const next = await upgraded.transaction((tx) => tx.putRecord('logEntries', 'e2', 'u1', { id: 'e2', clocks: {} }));
    expect(next).toBeGreaterThan(maxBefore);
    expect((await upgraded.pullRecords('u1', maxBefore, 10)).map((r) => r.id)).toEqual(['e2']);
    await upgraded.createUser({ id: 'u1', email: 'u1@example.org', displayName: 'U1', roles: ['participant'], passwordHash: 'h' });
    expect(await upgraded.countUsers()).toBe(1);
  });

  it('upgrades a database at migration 2 to 3: existing records get their audiences, sharing what their owners chose', async () => {
    const database = await target.newDatabase();
    const old = database.open();
    await old.migrate(2);
    const stamp = { clocks: {} };
    await database.insertOldRecord('logEntries', 'private-entry', 'u1', { id: 'private-entry', visibility: 'private', ...stamp }, 1);
    await database.insertOldRecord('trials', 'shared-trial', 'u1', { id: 'shared-trial', visibility: 'set', ...stamp }, 2);
    await database.insertOldRecord('challenges', 'coach-challenge', 'u1', { id: 'coach-challenge', visibility: 'set_and_coach', ...stamp }, 3);
    await database.insertOldRecord('photos', 'p1', 'u1', { id: 'p1', entryId: 'private-entry', sha256: 'a'.repeat(64), ...stamp }, 4);
    const maxBefore = 4;
    await old.close();

    const upgraded = database.open();
    await upgraded.migrate();
    const ids = async (tokens: string[]) => (await upgraded.pullVisible(tokens, 0, 100)).records.map((r) => r.id).sort();
    expect(await ids(['user:u1'])).toEqual(['coach-challenge', 'p1', 'private-entry', 'shared-trial']);
    expect(await ids(['share-set:u1'])).toEqual(['coach-challenge', 'shared-trial']);
    expect(await ids(['share-coach:u1'])).toEqual(['coach-challenge']);
    expect(await ids(['user:someone-else'])).toEqual([]);
    expect((await upgraded.findRecordsByToken(`blob:${'a'.repeat(64)}`, 'photos')).map((r) => r.id)).toEqual(['p1']);
    expect((await upgraded.findRecordsByToken('about:logEntries:private-entry')).map((r) => r.id)).toEqual(['p1']);
    expect(await upgraded.maxSeq()).toBe(maxBefore);
    await upgraded.close();
  });

  it('refuses a migration target it does not know, changing nothing', async () => {
    const database = await target.newDatabase();
    const store = database.open();
    await expect(store.migrate(LATEST_VERSION + 1)).rejects.toThrow(/Unknown migration target/);
    await expect(store.migrate(1.5)).rejects.toThrow(/Unknown migration target/);
    expect(await database.appliedMigrations()).toEqual([]);
  });
});

describe('migration history checks', () => {
  it('refuses a database whose recorded migration has another name (code and database diverged)', () => {
    expect(() => pendingMigrations(new Map([[1, 'something else']]))).toThrow(/migrated by incompatible code/);
  });

  it('accepts a database migrated further by a newer release (migrations are additive)', () => {
    const applied = new Map(MIGRATIONS.map((m) => [m.version, m.name]));
    applied.set(LATEST_VERSION + 1, 'from the future');
    expect(pendingMigrations(applied)).toEqual([]);
  });
});
