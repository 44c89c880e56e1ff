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

// The test below upgrades from 1 to 2; a new migration should get an upgrade test of its own.
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
    const journal = { id: 'e1', owner: 'u1', text: 'Tried the new warm-up — group energy up', clocks: { text: 'c1' } };
    await old.transaction(async (tx) => {
      await tx.putRecord('logEntries', 'e1', 'u1', { ...journal, text: 'draft' });
      await tx.putRecord('challenges', 'c1', 'u1', { id: 'c1', title: 'Quiet voices', clocks: {} });
      await tx.putRecord('trials', 't1', 'u2', { id: 't1', strategy: 'Think-pair-share', clocks: {} });
      await tx.recordBatch('u1', 'batch-a', new Date('2024-04-30T08:00:00.000Z'));
    });
    await old.transaction(async (tx) => {
      await tx.putRecord('logEntries', 'e1', 'u1', journal);
      await tx.recordBatch('u1', 'batch-b', new Date('2024-04-30T09:00:00.000Z'));
    });
    const photo = randomBytes(64 * 1024);
    const photoHash = createHash('sha256').update(photo).digest('hex');
    await old.putBlob('u1', photoHash, photo, 'image/jpeg');
    const recordsBefore = [...(await old.pullRecords('u1', 0, 100)), ...(await old.pullRecords('u2', 0, 100))];
    const maxBefore = await old.maxSeq();
    // Migration 2's tables do not exist yet.
    await expect(old.countUsers()).rejects.toThrow();
    await old.close();

    const upgraded = database.open();
    await upgraded.migrate();
    expect(await database.appliedMigrations()).toEqual([1, 2]);
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
