// @vitest-environment node
// Node's own Blob and WebCrypto (under jsdom, Blob.arrayBuffer() gives another realm's buffer).
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../../src/app/db/createRepositories';
import { createPasscodeLockRepository } from '../../../../src/app/db/encryption/createPasscodeLockRepository';
import { createDeviceKeyring, DeviceLockedError } from '../../../../src/app/db/encryption/deviceKeyring';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { generateYear } from '../../../support/generateYear';
import { putYear } from '../../../support/putYear';
import { bytesAsText, readRawDatabase } from './readRawDatabase';

const SEED = Number(process.env.ENCRYPTION_SEED ?? Math.floor(Math.random() * 1_000_000));
console.log(`encryptionAtRest: seed ${SEED} (ENCRYPTION_SEED=${SEED} to replay)`);
const OWNER = 'owner-rowan';
const PASSCODE = 'heron-lantern-42';
// The real 600,000 iterations cost about half a second per derivation; the cost is measured
// by `npm run bench`, the behaviour here.
const ITERATIONS = 2_000;

const opened: SetwiseDatabase[] = [];
function openDevice(name = `encrypted-${crypto.randomUUID()}`) {
  const db = new SetwiseDatabase(name, createDeviceKeyring('checking'));
  opened.push(db);
  return { db, repositories: createRepositories(db), lock: createPasscodeLockRepository(db, { iterations: ITERATIONS }) };
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const photo = (seed: number) => {
  const bytes = new Uint8Array(4096).map((_, index) => (index * 31 + seed * 7) % 251);
  return { blob: new Blob([bytes], { type: 'image/jpeg' }), width: 64, height: 48, bytes };
};

async function aYearOnTheDevice() {
  const device = openDevice();
  await device.lock.initialise();
  const year = await generateYear({ seed: SEED, owner: OWNER, entries: 300, photos: 6 });
  await putYear(device.db, year, OWNER);
  const shot = photo(1);
  const entry = await device.repositories.logEntries.create(
    { body: 'Quillfeather lunchtime rota. Marmalade conversation with the lunchtime team about the rota.', tags: ['zephyr-duty'], occurredAt: '2026-11-20T10:00:00.000Z' },
    { photos: [shot] },
  );
  await device.repositories.drafts.put('entry:new', { title: 'Half-written about the copperbeech corridor', photos: [photo(2).blob] });
  return { ...device, year, entry, shot };
}

describe('encryption at rest with a passcode set', () => {
  it('leaves no entry text, title, tag, draft or photo byte readable in IndexedDB', async () => {
    const { db, lock, year, shot } = await aYearOnTheDevice();
    const before = await readRawDatabase(db.name);
    expect(before.text).toContain('Quillfeather');

    await lock.setPasscode(PASSCODE, 5);
    const { text } = await readRawDatabase(db.name);
    for (const word of ['Quillfeather', 'Marmalade', 'zephyr-duty', 'copperbeech', 'lunchtime']) expect(text, word).not.toContain(word);
    for (const record of year.tables.logEntries ?? []) expect(text).not.toContain(String(record.body));
    for (const record of year.tables.trials ?? []) expect(text).not.toContain(String(record.why));
    for (const record of year.tables.coachingSessions ?? []) expect(text).not.toContain(String(record.notes));
    expect(text).not.toContain('[a Blob in clear]');
    expect(text).not.toContain(bytesAsText(shot.bytes.subarray(0, 256)));
    for (const { bytes } of year.photoBytes.values()) expect(text).not.toContain(bytesAsText(bytes.subarray(0, 256)));
  });

  it('keeps dates, ids and kinds in clear for sorting, and tags only as blind tokens', async () => {
    const { db, lock, entry } = await aYearOnTheDevice();
    await lock.setPasscode(PASSCODE, 5);
    const { rows } = await readRawDatabase(db.name);
    const stored = (rows.logEntries ?? []).find((row) => (row as { id: string }).id === entry.id) as Record<string, unknown>;
    expect(stored).toMatchObject({ id: entry.id, occurredAt: '2026-11-20T10:00:00.000Z' });
    expect(Object.keys(stored).sort()).toEqual(['\u0000sealed', 'challengeId', 'id', 'measureId', 'occurredAt', 'tags', 'trialId', 'updatedAt'].sort());
    expect(stored.tags).toEqual([expect.stringMatching(new RegExp(`^${String.fromCharCode(0)}b:[0-9a-f]{32}$`))]);
  });

  it('works fully after unlock: reads, tag filter, timeline, search, new writes and the outbox', async () => {
    const { db, repositories, lock, entry, year } = await aYearOnTheDevice();
    await lock.setPasscode(PASSCODE, 5);
    expect(await repositories.logEntries.get(entry.id)).toMatchObject({ body: expect.stringContaining('Quillfeather lunchtime rota') });
    expect((await repositories.logEntries.listByTag('zephyr-duty')).map((e) => e.id)).toEqual([entry.id]);
    const photos = await repositories.photos.listForEntry(entry.id);
    expect(new Uint8Array(await ((await repositories.photos.blob(photos[0]?.sha256 ?? '')) as Blob).arrayBuffer())).toEqual(photo(1).bytes);
    expect((await repositories.timeline.items()).length).toBeGreaterThan(year.tables.logEntries?.length ?? 0);
    expect((await repositories.search.search('quillfeather')).results.map((hit) => hit.href)).toEqual([expect.stringContaining(entry.id)]);
    const draft = (await repositories.drafts.get('entry:new')) as { photos: Blob[] };
    expect(draft.photos[0]).toBeInstanceOf(Blob);

    const second = await repositories.logEntries.create({ body: 'Wintergreen assembly notes.', tags: [], occurredAt: '2026-11-21T09:00:00.000Z' });
    const outbox = await db.outbox.where('recordId').equals(second.id).toArray();
    expect(outbox[0]?.fields).toMatchObject({ body: 'Wintergreen assembly notes.' });
    const { text } = await readRawDatabase(db.name);
    expect(text).not.toContain('Wintergreen');
  });

  it('reads nothing while locked, refuses a wrong passcode with a growing wait, and opens with the right one', async () => {
    const { db, repositories, lock, entry } = await aYearOnTheDevice();
    await lock.setPasscode(PASSCODE, 5);
    lock.lock();
    await expect(repositories.logEntries.get(entry.id)).rejects.toBeInstanceOf(DeviceLockedError);
    await expect(repositories.logEntries.create({ body: 'y', tags: [], occurredAt: '2026-11-21T09:00:00.000Z' })).rejects.toThrow();
    expect(await lock.pendingChangeCount()).toBeGreaterThan(0);

    const at = new Date('2026-11-23T10:00:00.000Z');
    const results = [];
    for (let attempt = 0; attempt < 4; attempt += 1) results.push(await lock.unlock('wrong guess', new Date(at.getTime() + attempt * 60_000)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wrong']);
    expect(results.map((r) => (r.ok ? null : r.retryAfter))).toEqual([null, null, '2026-11-23T10:02:05.000Z', '2026-11-23T10:03:10.000Z']);
    // Within the wait even the right passcode is not tried.
    expect(await lock.unlock(PASSCODE, new Date('2026-11-23T10:03:05.000Z'))).toMatchObject({ ok: false, reason: 'wait' });
    expect(await lock.unlock(PASSCODE, new Date('2026-11-23T10:03:11.000Z'))).toEqual({ ok: true });
    expect(await repositories.logEntries.get(entry.id)).toMatchObject({ body: expect.stringContaining('Quillfeather lunchtime rota') });
    expect((await lock.readSettings())?.failedAttempts).toBe(0);
    void db;
  });

  it('asks for the passcode again after the database is reopened (a reload)', async () => {
    const { db, entry } = await aYearOnTheDevice();
    await createPasscodeLockRepository(db, { iterations: ITERATIONS }).setPasscode(PASSCODE, 5);
    db.close();
    const again = openDevice(db.name);
    expect(await again.lock.initialise()).toBe('locked');
    await expect(again.repositories.logEntries.get(entry.id)).rejects.toBeInstanceOf(DeviceLockedError);
    expect(await again.lock.unlock(PASSCODE)).toEqual({ ok: true });
    expect(await again.repositories.logEntries.get(entry.id)).toMatchObject({ body: expect.stringContaining('Marmalade') });
  });

  it('changes the passcode without rewriting the records, and removes it by rewriting them in clear', async () => {
    const { db, repositories, lock, entry } = await aYearOnTheDevice();
    await lock.setPasscode(PASSCODE, 5);
    const sealedBefore = (await readRawDatabase(db.name)).rows.logEntries;
    expect(await lock.changePasscode(PASSCODE, 'otter-meadow-77')).toEqual({ ok: true });
    expect((await readRawDatabase(db.name)).rows.logEntries).toEqual(sealedBefore);
    lock.lock();
    expect(await lock.unlock(PASSCODE)).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await lock.unlock('otter-meadow-77')).toEqual({ ok: true });

    expect(await lock.removePasscode('otter-meadow-77')).toEqual({ ok: true });
    expect(db.keyring.state).toBe('off');
    expect(await lock.readSettings()).toBeNull();
    expect((await readRawDatabase(db.name)).text).toContain('Quillfeather');
    expect(await repositories.logEntries.get(entry.id)).toMatchObject({ body: expect.stringContaining('Quillfeather lunchtime rota') });
    expect((await repositories.logEntries.listByTag('zephyr-duty')).map((e) => e.id)).toEqual([entry.id]);
  });

  it('finishes sealing after an interruption, at the next unlock', async () => {
    const { db, lock, entry } = await aYearOnTheDevice();
    await lock.setPasscode(PASSCODE, 5);
    // As if the tab closed part-way: one row still in clear and the settings say so.
    const settings = await lock.readSettings();
    const raw = await readRawDatabase(db.name);
    expect(raw.text).not.toContain('Quillfeather');
    const keys = db.keyring.keys;
    if (!keys) throw new Error('expected the device to be unlocked');
    db.keyring.unlockWith(keys, 'unsealing');
    const row = await db.logEntries.get(entry.id);
    if (row) await db.logEntries.put(row);
    expect((await readRawDatabase(db.name)).text).toContain('Quillfeather');
    await db.meta.put({ key: 'passcodeLock', value: { ...settings, sealedAll: false } });
    lock.lock();
    expect(await lock.unlock(PASSCODE)).toEqual({ ok: true });
    expect((await lock.readSettings())?.sealedAll).toBe(true);
    expect((await readRawDatabase(db.name)).text).not.toContain('Quillfeather');
  });
});
