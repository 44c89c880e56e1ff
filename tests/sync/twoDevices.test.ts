// Two devices of one person, the real client sync code and the real server (SQLite).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncHttpError } from '../../src/app/sync/SyncHttpError';
import type { LogEntry } from '../../src/domain/logEntry';
import { dropRequests, dropResponses, duplicateRequests } from './support/faults';
import { SyncWorld, type Device } from './support/syncWorld';

let world: SyncWorld;
let tablet: Device;
let laptop: Device;
const occurredAt = '2026-05-14T09:30:00.000Z';

async function entries(device: Device): Promise<LogEntry[]> {
  return device.repositories.logEntries.list();
}

beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
  await world.createUser('priya@oakfield.example');
  tablet = await world.addDevice('tablet', 'priya@oakfield.example');
  laptop = await world.addDevice('laptop', 'priya@oakfield.example');
});

afterEach(async () => {
  await world.stop();
});

describe('two devices of one person', () => {
  it('an entry written on the tablet reaches the laptop, identical', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'Learning walk in KS1', tags: ['phonics'] });
    expect(await tablet.sync()).toMatchObject({ pushed: 1 });
    await laptop.sync();
    const [copy] = await entries(laptop);
    expect(copy).toMatchObject({ id: entry.id, body: 'Learning walk in KS1', tags: ['phonics'] });
    expect(copy?.clocks).toEqual((await tablet.db.logEntries.get(entry.id))?.clocks);
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(0);
  });

  it('offline edits to different fields on both devices both survive', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'Draft', tags: [] });
    await tablet.sync();
    await laptop.sync();
    await tablet.repositories.logEntries.update(entry.id, { body: 'Reflection written in the car' });
    await laptop.repositories.logEntries.update(entry.id, { tags: ['SLT', 'coaching'] });
    await tablet.sync();
    await laptop.sync();
    await tablet.sync();
    for (const device of [tablet, laptop]) {
      expect(await device.repositories.logEntries.get(entry.id)).toMatchObject({ body: 'Reflection written in the car', tags: ['SLT', 'coaching'] });
    }
    expect(await tablet.db.logEntries.get(entry.id)).toEqual(await laptop.db.logEntries.get(entry.id));
  });

  it('the same field edited on both: the later edit wins everywhere', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'First' });
    await tablet.sync();
    await laptop.sync();
    await tablet.repositories.logEntries.update(entry.id, { body: 'Tablet version' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await laptop.repositories.logEntries.update(entry.id, { body: 'Laptop version, written later' });
    await laptop.sync();
    await tablet.sync();
    await laptop.sync();
    expect((await tablet.repositories.logEntries.get(entry.id))?.body).toBe('Laptop version, written later');
    expect((await laptop.repositories.logEntries.get(entry.id))?.body).toBe('Laptop version, written later');
  });

  it('a delete syncs as a tombstone, and undo brings the entry back on the other device', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'To delete' });
    await tablet.sync();
    await laptop.sync();
    await laptop.repositories.logEntries.remove(entry.id);
    await laptop.sync();
    await tablet.sync();
    expect(await tablet.repositories.logEntries.get(entry.id)).toBeUndefined();
    expect((await tablet.db.logEntries.get(entry.id))?.deletedAt).toEqual(expect.any(String));
    await tablet.repositories.logEntries.restore(entry.id);
    await tablet.sync();
    await laptop.sync();
    expect((await laptop.repositories.logEntries.get(entry.id))?.body).toBe('To delete');
  });

  it('a lost answer, a dropped request and a duplicated request lose and duplicate nothing', async () => {
    await tablet.repositories.logEntries.create({ occurredAt, body: 'One' });
    tablet.useFetch(dropResponses());
    await expect(tablet.sync()).rejects.toBeInstanceOf(SyncHttpError);
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Two' });
    tablet.useFetch(dropRequests());
    await expect(tablet.sync()).rejects.toBeInstanceOf(SyncHttpError);
    tablet.useFetch(duplicateRequests());
    await tablet.sync();
    tablet.useFetch((inner) => inner);
    await tablet.sync();
    await laptop.sync();
    expect((await entries(laptop)).map((e) => e.body).sort()).toEqual(['One', 'Two']);
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(0);
  });

  it('photos travel by hash, byte for byte', async () => {
    const entry = await tablet.repositories.logEntries.create({ occurredAt, body: 'Working wall' });
    const bytes = new Uint8Array(50_000).map((_, i) => (i * 31) % 251);
    await tablet.repositories.photos.add(entry.id, { blob: new Blob([bytes], { type: 'image/jpeg' }), width: 640, height: 480 });
    await tablet.sync();
    await laptop.sync();
    const [photo] = await laptop.repositories.photos.listForEntry(entry.id);
    expect(photo).toBeDefined();
    const blob = await laptop.repositories.photos.blob(photo!.sha256);
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
    expect(await tablet.db.blobUploads.count()).toBe(0);
  });

  it('survives the server restarting between and during syncs', async () => {
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Before restart' });
    await tablet.sync();
    await world.restartServer();
    await tablet.repositories.logEntries.create({ occurredAt, body: 'After restart' });
    await tablet.sync();
    await laptop.sync();
    expect((await entries(laptop)).map((e) => e.body).sort()).toEqual(['After restart', 'Before restart']);
  });

  it('when the session has expired, sync asks for sign-in and nothing queued is lost', async () => {
    await tablet.repositories.logEntries.create({ occurredAt, body: 'Written while signed out' });
    tablet.useFetch(() => async () => new Response(JSON.stringify({ error: 'Sign in to sync.', code: 'unauthenticated' }), { status: 401 }));
    await expect(tablet.sync()).rejects.toMatchObject({ failure: 'unauthenticated' });
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(1);
    tablet.useFetch((inner) => inner);
    await tablet.sync();
    await laptop.sync();
    expect((await entries(laptop)).map((e) => e.body)).toEqual(['Written while signed out']);
  });
});
