// The server loses data it had acknowledged — reset to an empty database, or restored from an
// older backup. Devices notice (new epoch / cursor beyond the server's highest seq) and resync
// in full instead of wedging; what the server lost comes back from the devices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncWorld, type Device } from './support/syncWorld';

let world: SyncWorld;
const occurredAt = '2026-05-14T09:30:00.000Z';
const bodies = async (device: Device) => (await device.repositories.logEntries.list()).map((entry) => entry.body).sort();

beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
});
afterEach(async () => {
  await world.stop();
});

describe('a server that lost data', () => {
  it('restored from an older backup: devices resync in full and nothing is lost', async () => {
    const userId = await world.createUserWithoutPassword('priya@oakfield.example');
    const tablet = await world.addSignedInDevice('tablet', userId);
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Before the backup' });
    await tablet.sync();
    const backup = await world.backUp();
    await tablet.repositories.logEntries.create({ occurredAt, body: 'After the backup' });
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Also after' });
    await tablet.sync();

    await world.restore(backup);
    const result = await tablet.sync();
    expect(result.fullResync).toBe(true);

    const laptop = await world.addSignedInDevice('laptop', userId);
    await laptop.sync();
    expect(await bodies(laptop)).toEqual(['After the backup', 'Also after', 'Before the backup']);
    // And the tablet keeps syncing normally afterwards.
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Business as usual' });
    expect((await tablet.sync()).fullResync).toBe(false);
    await laptop.sync();
    expect(await bodies(laptop)).toContain('Business as usual');
  });

  it('reset to an empty database: a new epoch makes devices push everything again, photos too', async () => {
    const email = 'sam@oakfield.example';
    let userId = await world.createUserWithoutPassword(email);
    const tablet = await world.addSignedInDevice('tablet', userId);
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'Written before the reset' });
    await tablet.repositories.photos.add(entry.id, { blob: new Blob([new Uint8Array([9, 8, 7])], { type: 'image/jpeg' }), width: 1, height: 1 });
    await tablet.sync();

    await world.resetServer();
    // The person is set up again on the new server and the tablet signs in again: same local
    // database (its records, its old epoch and cursor), new session.
    userId = await world.createUserWithoutPassword(email);
    const tabletAgain = await world.signInAgain(tablet, userId);
    const result = await tabletAgain.sync();
    expect(result.fullResync).toBe(true);

    const laptop = await world.addSignedInDevice('laptop', userId);
    await laptop.sync();
    expect(await bodies(laptop)).toEqual(['Written before the reset']);
    const [photo] = await laptop.repositories.photos.listForEntry(entry.id);
    const blob = await laptop.repositories.photos.blob(photo!.sha256);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
  });
});
