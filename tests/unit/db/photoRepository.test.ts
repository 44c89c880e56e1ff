// @vitest-environment node
// Node's own Blob and WebCrypto: under jsdom, Blob.arrayBuffer() returns an ArrayBuffer from
// another realm, which Node's crypto.subtle.digest refuses. Browsers have one realm.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { TooManyPhotosError } from '../../../src/app/db/repositories/photoRepository';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { MAX_PHOTOS_PER_ENTRY } from '../../../src/domain/photo';
import { markOutboxPushing } from './support/markOutboxPushing';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

function jpeg(seedByte: number, length = 64) {
  const bytes = Uint8Array.from({ length }, (_, i) => (seedByte * 31 + i * 7) % 256);
  return { bytes, photo: { blob: new Blob([bytes], { type: 'image/jpeg' }), width: 2048, height: 1536 } };
}

async function newEntry() {
  return repos.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Display in the hall' });
}

describe('photos', () => {
  it('add keeps the bytes under their SHA-256 and a photo record with the metadata', async () => {
    const entry = await newEntry();
    const { bytes, photo } = jpeg(1);
    const saved = await repos.photos.add(entry.id, photo, 'Year 2 display');
    expect(saved).toMatchObject({
      entryId: entry.id,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mimeType: 'image/jpeg',
      width: 2048,
      height: 1536,
      bytes: bytes.length,
      caption: 'Year 2 display',
      deletedAt: null,
    });
    expect(await repos.photos.listForEntry(entry.id)).toEqual([saved]);
  });

  it('blob() gives back exactly the bytes that were added', async () => {
    const entry = await newEntry();
    const { bytes, photo } = jpeg(2, 5000);
    const saved = await repos.photos.add(entry.id, photo);
    const blob = await repos.photos.blob(saved.sha256);
    expect(blob).toBeDefined();
    expect(blob!.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(bytes);
  });

  it('the same bytes added twice make two photo records but one stored blob', async () => {
    const entry = await newEntry();
    const other = await newEntry();
    const first = await repos.photos.add(entry.id, jpeg(3).photo);
    const second = await repos.photos.add(other.id, jpeg(3).photo);
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(await db.photos.count()).toBe(2);
    expect(await db.photoBlobs.count()).toBe(1);
    await repos.photos.add(entry.id, jpeg(4).photo);
    expect(await db.photoBlobs.count()).toBe(2);
  });

  it(`an entry holds at most ${MAX_PHOTOS_PER_ENTRY} photos; removing one makes room`, async () => {
    const entry = await newEntry();
    const added = [];
    for (let i = 0; i < MAX_PHOTOS_PER_ENTRY; i++) added.push(await repos.photos.add(entry.id, jpeg(10 + i).photo));
    const outboxBefore = await db.outbox.count();
    const attempt = repos.photos.add(entry.id, jpeg(99).photo);
    await expect(attempt).rejects.toBeInstanceOf(TooManyPhotosError);
    await expect(attempt).rejects.toThrow(`An entry can hold ${MAX_PHOTOS_PER_ENTRY} photos at most.`);
    expect(await repos.photos.listForEntry(entry.id)).toHaveLength(MAX_PHOTOS_PER_ENTRY);
    expect(await db.photoBlobs.get(createHash('sha256').update(jpeg(99).bytes).digest('hex'))).toBeUndefined();
    expect(await db.outbox.count()).toBe(outboxBefore);

    await repos.photos.remove(added[0]!.id);
    await expect(repos.photos.add(entry.id, jpeg(99).photo)).resolves.toMatchObject({ entryId: entry.id });
    expect(await repos.photos.listForEntry(entry.id)).toHaveLength(MAX_PHOTOS_PER_ENTRY);
  });

  it('the limit counts per entry', async () => {
    const full = await newEntry();
    for (let i = 0; i < MAX_PHOTOS_PER_ENTRY; i++) await repos.photos.add(full.id, jpeg(i).photo);
    const other = await newEntry();
    await expect(repos.photos.add(other.id, jpeg(1).photo)).resolves.toMatchObject({ entryId: other.id });
  });

  it('removing a photo keeps its bytes (another record may share them); restore brings it back', async () => {
    const entry = await newEntry();
    const saved = await repos.photos.add(entry.id, jpeg(5).photo);
    await repos.photos.remove(saved.id);
    expect(await repos.photos.listForEntry(entry.id)).toEqual([]);
    expect(await repos.photos.blob(saved.sha256)).toBeDefined();
    await repos.photos.restore(saved.id);
    expect((await repos.photos.listForEntry(entry.id)).map((p) => p.id)).toEqual([saved.id]);
  });

  it('setCaption changes the caption only, cut to 500 characters', async () => {
    const entry = await newEntry();
    const saved = await repos.photos.add(entry.id, jpeg(6).photo, 'old');
    await markOutboxPushing(db);
    await repos.photos.setCaption(saved.id, 'x'.repeat(600));
    const [photo] = await repos.photos.listForEntry(entry.id);
    expect(photo).toMatchObject({ sha256: saved.sha256, caption: 'x'.repeat(500) });
    const row = (await db.outbox.orderBy('seq').last())!;
    expect(row).toMatchObject({ table: 'photos', recordId: saved.id });
    expect(row.fields).toEqual({ caption: 'x'.repeat(500) });
    expect(row.clocks).toEqual({ caption: photo!.clocks.caption });
  });
});

describe('a new entry saved with its photos', () => {
  it('stores the entry, its photos and clears the draft together', async () => {
    await repos.drafts.put('new-entry', { body: 'x' });
    const entry = await repos.logEntries.create(
      { occurredAt: '2026-05-14T09:30:00.000Z', body: 'Walk' },
      { photos: [jpeg(1).photo, jpeg(2).photo], clearDraftKeys: ['new-entry'] },
    );
    expect((await repos.photos.listForEntry(entry.id)).map((p) => p.entryId)).toEqual([entry.id, entry.id]);
    expect(await repos.drafts.get('new-entry')).toBeUndefined();
    expect((await db.outbox.toArray()).map((r) => r.table)).toEqual(['logEntries', 'photos', 'photos']);
  });

  it(`with more than ${MAX_PHOTOS_PER_ENTRY} photos, nothing is saved and the draft is kept`, async () => {
    await repos.drafts.put('new-entry', { body: 'x' });
    const photos = Array.from({ length: MAX_PHOTOS_PER_ENTRY + 1 }, (_, i) => jpeg(i).photo);
    await expect(
      repos.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'Walk' }, { photos, clearDraftKeys: ['new-entry'] }),
    ).rejects.toBeInstanceOf(TooManyPhotosError);
    expect(await db.logEntries.count()).toBe(0);
    expect(await db.photos.count()).toBe(0);
    expect(await db.photoBlobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'x' });
  });
});
