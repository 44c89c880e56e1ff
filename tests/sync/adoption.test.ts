// Writing done before the first sign-in becomes the account's, once, with nothing lost or
// duplicated; a second person signing in on the same device finds nothing of the first.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptSignedOutRecords } from '../../src/app/db/adoptSignedOutRecords';
import { createRepositories } from '../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import { LOCAL_OWNER } from '../../src/domain/syncedRecord';
import { SyncWorld } from './support/syncWorld';

let world: SyncWorld;
beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
});
afterEach(async () => {
  await world.stop();
  await Dexie.delete('setwise-signed-out');
});

describe('adopting what was written before sign-in', () => {
  it('moves every record and photo to the account once, and syncs them exactly once', async () => {
    const signedOut = new SetwiseDatabase('setwise-signed-out');
    const local = createRepositories(signedOut);
    const entry = await local.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Before I had an account' });
    await local.logEntries.create({ occurredAt: '2026-05-15T09:30:00.000Z', body: 'Second one' });
    await local.photos.add(entry.id, { blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), width: 1, height: 1 });
    await local.challenge.save({ focus: 'Managing change', issue: 'High turnover in the phase.' });
    await local.drafts.put('new-entry', { body: 'Half a thought' });
    expect((await signedOut.logEntries.toArray()).every((record) => record.owner === LOCAL_OWNER)).toBe(true);
    signedOut.close();

    const userId = await world.createUserWithoutPassword('priya@oakfield.example');
    const tablet = await world.addSignedInDevice('tablet', userId);
    const adopted = await adoptSignedOutRecords('setwise-signed-out', tablet.db, userId);
    expect(adopted).toBe(5); // 2 entries, 1 photo, the challenge and its first revision
    expect(await Dexie.exists('setwise-signed-out')).toBe(false);
    expect((await tablet.db.logEntries.toArray()).every((record) => record.owner === userId)).toBe(true);
    expect(await tablet.repositories.drafts.get('new-entry')).toEqual({ body: 'Half a thought' });

    // A second adoption (say, after a crash and a retry) finds nothing more to take.
    expect(await adoptSignedOutRecords('setwise-signed-out', tablet.db, userId)).toBe(0);

    await tablet.sync();
    await tablet.sync();
    const laptop = await world.addSignedInDevice('laptop', userId);
    await laptop.sync();
    expect((await laptop.repositories.logEntries.list()).map((e) => e.body).sort()).toEqual(['Before I had an account', 'Second one']);
    expect((await laptop.repositories.challenge.current())?.focus).toBe('Managing change');
    const [photo] = await laptop.repositories.photos.listForEntry(entry.id);
    expect(new Uint8Array(await (await laptop.repositories.photos.blob(photo!.sha256))!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));

    // Someone else signing in on the tablet afterwards gets their own, empty, database.
    const otherId = await world.createUserWithoutPassword('sam@oakfield.example');
    const samOnTablet = await world.addSignedInDevice('tablet-sam', otherId);
    expect(await adoptSignedOutRecords('setwise-signed-out', samOnTablet.db, otherId)).toBe(0);
    await samOnTablet.sync();
    expect(await samOnTablet.repositories.logEntries.list()).toEqual([]);
  });
});
