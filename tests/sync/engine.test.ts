// The opportunistic engine around syncOnce: it syncs on start and shortly after local writes,
// backs off after failures, and reports the truth to the status line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync/createSyncEngine';
import type { SyncStatus } from '../../src/app/state/syncStatusStore';
import { dropRequests } from './support/faults';
import { SyncWorld, type Device } from './support/syncWorld';

let world: SyncWorld;
let tablet: Device;
let laptop: Device;
let engine: SyncEngine | undefined;
const statuses: SyncStatus[] = [];

beforeEach(async () => {
  world = new SyncWorld();
  await world.start();
  const userId = await world.createUserWithoutPassword('priya@oakfield.example');
  tablet = await world.addSignedInDevice('tablet', userId);
  laptop = await world.addSignedInDevice('laptop', userId);
  statuses.length = 0;
});

afterEach(async () => {
  engine?.stop();
  await engine?.idle();
  await world.stop();
});

function startEngine(random = () => 0.5) {
  engine = createSyncEngine({ db: tablet.db, api: tablet.api, onStatus: (status) => statuses.push(status), afterWriteDelayMs: 20, random });
  engine.start();
  return engine;
}

describe('the sync engine', () => {
  it('syncs on start and again shortly after a local write, without being asked', async () => {
    startEngine();
    await expect.poll(() => statuses.some((status) => status.kind === 'synced')).toBe(true);
    await tablet.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Synced by itself' });
    await expect.poll(() => tablet.repositories.device.pendingChangeCount(), { timeout: 5000 }).toBe(0);
    await laptop.sync();
    expect((await laptop.repositories.logEntries.list()).map((entry) => entry.body)).toEqual(['Synced by itself']);
  });

  it('says "offline" when the network is gone, keeps the change, and syncs once it is back', async () => {
    await tablet.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Written in the corridor' });
    tablet.useFetch(dropRequests());
    const running = startEngine();
    await expect.poll(() => statuses.at(-1)?.kind).toBe('offline');
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(1);
    tablet.useFetch((inner) => inner);
    engine = createSyncEngine({ db: tablet.db, api: tablet.api, onStatus: (status) => statuses.push(status), afterWriteDelayMs: 20 });
    running.stop();
    engine.start();
    await expect.poll(() => statuses.at(-1)?.kind).toBe('synced');
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(0);
  });

  it('backs off after a server error and says it will try again', async () => {
    tablet.useFetch(() => async () => new Response(JSON.stringify({ error: 'Something went wrong on the server. Please try again.' }), { status: 503 }));
    await tablet.repositories.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Waiting' });
    startEngine();
    await expect.poll(() => statuses.find((status) => status.kind === 'retrying')).toBeDefined();
    const retrying = statuses.find((status) => status.kind === 'retrying');
    expect(retrying).toMatchObject({ message: 'Something went wrong on the server. Please try again.' });
    expect(await tablet.repositories.device.pendingChangeCount()).toBe(1);
  });
});
