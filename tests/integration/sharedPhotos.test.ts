// A photo in an entry shared with the set: its bytes reach the set, and nobody else; unshared,
// they stop being served to the set too.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohortWorld, type CohortWorld } from './support/cohortWorld';
import { storeTargets } from './support/storeTargets';
import { entryContent } from './support/syncRecords';
import { newSyncServer } from './support/syncServer';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

describe.each(targets)('$name: photos in shared entries', (target) => {
  let world: CohortWorld;
  beforeAll(async () => {
    world = await createCohortWorld(await newSyncServer(target));
  }, 60_000);
  afterAll(async () => {
    await world.server.close();
  });

  it('serves the bytes to whoever may see the entry, and stops when it is made private', async () => {
    const bytes = randomBytes(4096);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect((await world.server.putBlob(world.users.ownerA, sha256, bytes, { blobType: 'image/jpeg' })).statusCode).toBe(204);
    const entryId = crypto.randomUUID();
    await world.write('ownerA', 'logEntries', entryId, entryContent({ visibility: 'set' }));
    await world.write('ownerA', 'photos', crypto.randomUUID(), { entryId, sha256, mimeType: 'image/jpeg', width: 64, height: 48, bytes: bytes.length, caption: '', deletedAt: null });

    const forPeer = await world.server.getBlob(world.users.peerA, sha256);
    expect(forPeer.statusCode).toBe(200);
    expect(forPeer.rawPayload.equals(bytes)).toBe(true);
    expect((await world.server.getBlob(world.users.facilitatorA, sha256)).statusCode).toBe(200);
    expect((await world.server.getBlob(world.users.participantB, sha256)).statusCode).toBe(404);
    expect((await world.server.getBlob(world.users.coordinator, sha256)).statusCode).toBe(404);

    await world.write('ownerA', 'logEntries', entryId, { visibility: 'private' });
    expect((await world.server.getBlob(world.users.peerA, sha256)).statusCode).toBe(404);
    expect((await world.server.getBlob(world.users.ownerA, sha256)).statusCode).toBe(200);
  });
});
