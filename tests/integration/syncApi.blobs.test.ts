// PUT/GET /api/blobs/<sha256> (photo bytes, content-addressed per owner) over HTTP against
// real SQLite and PostgreSQL.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_BODY_LIMIT } from '../../src/server/sync/registerSyncRoutes';
import { newSyncServer, type SyncServer, type SyncUser } from './support/syncServer';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Something shaped like a JPEG: the SOI/APP0 header, then random bytes (every byte value occurs). */
function photoBytes(size = 256 * 1024): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(bytes);
  return bytes;
}

describe.each(targets)('$name: photo blobs', (target) => {
  let server: SyncServer;
  let priya: SyncUser;
  let tom: SyncUser;
  beforeAll(async () => {
    server = await newSyncServer(target);
    [priya, tom] = (await server.addUsers(2)) as [SyncUser, SyncUser];
  });
  afterAll(async () => server.close());

  async function expectAbsent(user: SyncUser, hash: string): Promise<void> {
    const res = await server.getBlob(user, hash);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'No such photo on the server.' });
  }

  it('stores the bytes under their hash and gives back identical bytes with their type', async () => {
    const bytes = photoBytes();
    const hash = sha256(bytes);
    const put = await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg' });
    expect(put.statusCode, put.body).toBe(204);
    expect(put.body).toBe('');

    const got = await server.getBlob(priya, hash);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['cache-control']).toMatch(/private/);
    expect(got.rawPayload.equals(bytes)).toBe(true);

    // Uploading the same photo again (a retried upload) is harmless.
    expect((await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg' })).statusCode).toBe(204);
    expect((await server.getBlob(priya, hash)).rawPayload.equals(bytes)).toBe(true);
  });

  it('keeps a declared type that is not an image from being served as such', async () => {
    const bytes = photoBytes(1024);
    const hash = sha256(bytes);
    expect((await server.putBlob(priya, hash, bytes, { blobType: 'text/html' })).statusCode).toBe(204);
    expect((await server.getBlob(priya, hash)).headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses bytes that do not match the hash and stores nothing', async () => {
    const bytes = photoBytes();
    const claimed = sha256(photoBytes(16));
    const res = await server.putBlob(priya, claimed, bytes, { blobType: 'image/jpeg' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringMatching(/do not match their hash/), code: 'invalid-request' });
    await expectAbsent(priya, claimed);
    await expectAbsent(priya, sha256(bytes));
  });

  it("never serves one person's photo to another", async () => {
    const bytes = photoBytes();
    const hash = sha256(bytes);
    expect((await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg' })).statusCode).toBe(204);
    await expectAbsent(tom, hash);
    // Nor without a session.
    const anonymous = await server.getBlob(undefined, hash);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    // Tom uploading the same bytes gets his own copy; Priya's is unaffected.
    expect((await server.putBlob(tom, hash, bytes, { blobType: 'image/png' })).statusCode).toBe(204);
    expect((await server.getBlob(tom, hash)).headers['content-type']).toBe('image/png');
    expect((await server.getBlob(priya, hash)).headers['content-type']).toBe('image/jpeg');
  });

  it('refuses an upload without the CSRF header (403) or a session (401), storing nothing', async () => {
    const bytes = photoBytes();
    const hash = sha256(bytes);
    const noCsrf = await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg', csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf' });
    const noSession = await server.putBlob(undefined, hash, bytes, { blobType: 'image/jpeg' });
    expect(noSession.statusCode).toBe(401);
    expect(noSession.json()).toMatchObject({ code: 'unauthenticated' });
    await expectAbsent(priya, hash);
  });

  it.each([
    ['not hex', 'z'.repeat(64)],
    ['upper-case hex', 'A'.repeat(64)],
    ['too short', 'ab'.repeat(16)],
    ['a path', '..%2F..%2Fetc%2Fpasswd'],
  ])('refuses a hash that is %s (400)', async (_what, hash) => {
    const bytes = photoBytes(1024);
    const put = await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg' });
    expect(put.statusCode).toBe(400);
    expect(put.json()).toEqual({ error: expect.stringMatching(/Not a SHA-256 hash/), code: 'invalid-request' });
    const get = await server.getBlob(priya, hash);
    expect(get.statusCode).toBe(400);
    await expectAbsent(priya, sha256(bytes));
  });

  it('refuses an empty upload (400)', async () => {
    const empty = Buffer.alloc(0);
    const res = await server.putBlob(priya, sha256(empty), empty, { blobType: 'image/jpeg' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringMatching(/photo bytes/), code: 'invalid-request' });
    await expectAbsent(priya, sha256(empty));
  });

  it('refuses a photo over 15 MiB (413) and stores nothing', async () => {
    const bytes = Buffer.alloc(BLOB_BODY_LIMIT + 1, 7);
    const hash = sha256(bytes);
    const res = await server.putBlob(priya, hash, bytes, { blobType: 'image/jpeg' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: expect.stringMatching(/too large \(the limit is 15 MiB\)/), code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    await expectAbsent(priya, hash);
    // Exactly at the limit is accepted.
    const atLimit = bytes.subarray(0, BLOB_BODY_LIMIT);
    expect((await server.putBlob(priya, sha256(atLimit), atLimit, { blobType: 'image/jpeg' })).statusCode).toBe(204);
    expect((await server.getBlob(priya, sha256(atLimit))).rawPayload.length).toBe(BLOB_BODY_LIMIT);
  });
});
