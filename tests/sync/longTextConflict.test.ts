// The same reflection edited offline on two devices: neither version is silently dropped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncWorld, type Device } from './support/syncWorld';

let world: SyncWorld;
let tablet: Device;
let laptop: Device;

beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
  const userId = await world.createUserWithoutPassword('priya@oakfield.example');
  tablet = await world.addSignedInDevice('tablet', userId);
  laptop = await world.addSignedInDevice('laptop', userId);
});
afterEach(async () => {
  await world.stop();
});

async function concurrentEdits() {
  const entry = await tablet.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Notes from the walk.' });
  await tablet.sync();
  await laptop.sync();
  await tablet.repositories.logEntries.update(entry.id, { body: 'Notes from the walk. Tablet: strong questioning in Y2.' });
  await laptop.repositories.logEntries.update(entry.id, { body: 'Notes from the walk. Laptop: follow up with the SENCO.' });
  await laptop.sync();
  await tablet.sync();
  await laptop.sync();
  return entry.id;
}

describe('two versions of one entry', () => {
  it('keeps the losing version as a conflict on every device', async () => {
    const id = await concurrentEdits();
    for (const device of [tablet, laptop]) {
      const entry = await device.repositories.logEntries.get(id);
      const versions = [entry?.body, entry?.conflicts?.body?.value].sort();
      expect(versions).toEqual(['Notes from the walk. Laptop: follow up with the SENCO.', 'Notes from the walk. Tablet: strong questioning in Y2.']);
    }
    expect(await tablet.db.logEntries.get(id)).toEqual(await laptop.db.logEntries.get(id));
  });

  it('"keep both" on one device settles it everywhere, with both texts in the entry', async () => {
    const id = await concurrentEdits();
    await laptop.repositories.logEntries.resolveConflict(id, 'body', 'keep-both');
    await laptop.sync();
    await tablet.sync();
    const settled = await tablet.repositories.logEntries.get(id);
    expect(settled?.conflicts?.body).toBeUndefined();
    expect(settled?.body).toContain('Tablet: strong questioning in Y2.');
    expect(settled?.body).toContain('Laptop: follow up with the SENCO.');
    expect(await tablet.db.logEntries.get(id)).toEqual(await laptop.db.logEntries.get(id));
  });

  it('edits one after the other (each device had seen the last) are not a conflict', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'One' });
    await tablet.sync();
    await laptop.sync();
    await laptop.repositories.logEntries.update(entry.id, { body: 'One, two' });
    await laptop.sync();
    await tablet.sync();
    await tablet.repositories.logEntries.update(entry.id, { body: 'One, two, three' });
    await tablet.sync();
    await laptop.sync();
    const final = await laptop.repositories.logEntries.get(entry.id);
    expect(final?.body).toBe('One, two, three');
    expect(final?.conflicts ?? {}).toEqual({});
  });
});
