// The Store contract for blobs, users, sessions and sign-in attempts, against SQLite and
// PostgreSQL alike.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EmailTakenError, type Store } from '../../src/server/storage/Store';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe.each(targets)('$name store: blobs, users, sessions, sign-in attempts', (target) => {
  let store: Store;
  beforeEach(async () => {
    store = await (await target.newDatabase()).openMigrated();
  });

  it('keeps a 1 MB blob byte for byte, per owner', async () => {
    const bytes = randomBytes(1024 * 1024);
    const hash = sha256(bytes);
    await store.putBlob('u1', hash, bytes, 'image/jpeg');

    const got = await store.getBlob('u1', hash);
    expect(got?.mimeType).toBe('image/jpeg');
    expect(got?.bytes.length).toBe(bytes.length);
    expect(got?.bytes.equals(bytes)).toBe(true);
    expect(await store.getBlob('u2', hash)).toBeUndefined();
    expect(await store.getBlob('u1', sha256(Buffer.from('other')))).toBeUndefined();

    // Another owner's copy of the same content is theirs; a repeated upload changes nothing.
    await store.putBlob('u2', hash, bytes, 'image/png');
    await store.putBlob('u1', hash, bytes, 'image/webp');
    expect((await store.getBlob('u1', hash))?.mimeType).toBe('image/jpeg');
    expect((await store.getBlob('u2', hash))?.mimeType).toBe('image/png');
  });

  it('keeps an empty blob and bytes that are not valid text', async () => {
    const odd = Buffer.from([0, 255, 0, 0xc3, 0x28, 10, 13, 0]);
    await store.putBlob('u1', sha256(odd), odd, 'application/octet-stream');
    await store.putBlob('u1', sha256(Buffer.alloc(0)), Buffer.alloc(0), 'text/plain');
    expect((await store.getBlob('u1', sha256(odd)))?.bytes.equals(odd)).toBe(true);
    expect((await store.getBlob('u1', sha256(Buffer.alloc(0))))?.bytes.length).toBe(0);
  });

  it('creates users, finds them by id and by email in any case, and counts them', async () => {
    expect(await store.countUsers()).toBe(0);
    const before = Date.now();
    const created = await store.createUser({
      id: 'user-1',
      email: '  Ana.Lopez@Example.ORG ',
      displayName: 'Ana López',
      roles: ['facilitator', 'coach'],
      passwordHash: 'scrypt$16384$8$1$salt$hash',
    });
    expect(created).toMatchObject({ email: 'ana.lopez@example.org', roles: ['facilitator', 'coach'] });
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(before - 1);

    expect(await store.findUserByEmail('ANA.LOPEZ@example.org')).toStrictEqual(created);
    expect(await store.findUserByEmail('ana.lopez@example.org')).toStrictEqual(created);
    expect(await store.findUserById('user-1')).toStrictEqual(created);
    expect(await store.findUserByEmail('someone@example.org')).toBeUndefined();
    expect(await store.findUserById('user-2')).toBeUndefined();

    await store.createUser({ id: 'user-2', email: 'b@example.org', displayName: 'B', roles: [], passwordHash: 'h' });
    expect(await store.countUsers()).toBe(2);
    expect((await store.findUserById('user-2'))?.roles).toEqual([]);
  });

  it('refuses a second user with the same email in another case, with a clear error', async () => {
    const user = { id: 'u1', email: 'sam@example.org', displayName: 'Sam', roles: ['participant'] as const, passwordHash: 'h' };
    await store.createUser(user);
    const duplicate = store.createUser({ ...user, id: 'u2', email: 'SAM@Example.org' });
    await expect(duplicate).rejects.toThrow(EmailTakenError);
    await expect(store.createUser({ ...user, id: 'u3', email: 'Sam@example.org' })).rejects.toThrow(
      'There is already a user with the email sam@example.org.',
    );
    expect(await store.countUsers()).toBe(1);
    expect((await store.findUserByEmail('sam@example.org'))?.id).toBe('u1');
  });

  it('creates, finds and deletes sessions, keeping their expiry', async () => {
    await store.createUser({ id: 'u1', email: 'a@example.org', displayName: 'A', roles: ['coordinator'], passwordHash: 'h' });
    const session = {
      idHash: sha256(Buffer.from('token')),
      userId: 'u1',
      csrfToken: 'csrf-123',
      createdAt: '2024-05-01T10:00:00.000Z',
      expiresAt: '2024-05-31T10:00:00.123Z',
    };
    await store.createSession(session);
    expect(await store.findSession(session.idHash)).toStrictEqual(session);
    expect(await store.findSession('unknown')).toBeUndefined();

    await store.deleteSession(session.idHash);
    expect(await store.findSession(session.idHash)).toBeUndefined();
    await store.deleteSession(session.idHash); // Deleting twice is harmless (sign-out twice).
  });

  it('refuses a session for a user that does not exist', async () => {
    const orphan = { idHash: 'x', userId: 'ghost', csrfToken: 'c', createdAt: new Date().toISOString(), expiresAt: new Date().toISOString() };
    await expect(store.createSession(orphan)).rejects.toThrow();
    expect(await store.findSession('x')).toBeUndefined();
  });

  it('counts sign-in attempts per key within the window; clearing starts afresh', async () => {
    const t0 = Date.parse('2024-05-01T10:00:00.000Z');
    const at = (minutes: number): Date => new Date(t0 + minutes * 60_000);
    const window = 15;
    const attempt = (key: string, minutes: number): Promise<number> =>
      store.recordLoginAttempt(key, at(minutes), at(minutes - window));

    expect(await attempt('account:a', 0)).toBe(1);
    expect(await attempt('account:a', 1)).toBe(2);
    expect(await attempt('account:a', 2)).toBe(3);
    expect(await attempt('address:1.2.3.4', 2)).toBe(1);
    // At minute 16 the attempt at minute 0 has left the window; minute 1's is still inside it.
    expect(await attempt('account:a', 16)).toBe(3);
    expect(await attempt('account:a', 40)).toBe(1);

    await store.clearLoginAttempts('account:a');
    expect(await attempt('account:a', 41)).toBe(1);
    expect(await attempt('address:1.2.3.4', 41)).toBe(1);
  });

  it('counts parallel attempts for one key exactly, so parallel guesses cannot slip past a limit', async () => {
    const now = new Date();
    const since = new Date(now.getTime() - 60_000);
    const counts = await Promise.all(Array.from({ length: 10 }, () => store.recordLoginAttempt('address:9.9.9.9', now, since)));
    expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.recordLoginAttempt('address:9.9.9.9', now, since)).toBe(11);
  });
});
