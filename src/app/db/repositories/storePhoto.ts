import { newId } from '../../../domain/ids';
import { MAX_PHOTOS_PER_ENTRY, type Photo } from '../../../domain/photo';
import { isLive } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { photoBlobRow } from '../photoBlobRow';
import { writeRecordChange } from '../writeRecordChange';

export interface PreparedPhoto {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

export interface HashedPhoto extends PreparedPhoto {
  readonly sha256: string;
  /** The bytes, read before the transaction (see PhotoBlobRow). */
  readonly data: ArrayBuffer;
}

export class TooManyPhotosError extends Error {}

/** Hash before opening a transaction: IndexedDB transactions cannot wait on WebCrypto. */
export async function hashPhoto(photo: PreparedPhoto): Promise<HashedPhoto> {
  const data = await photo.blob.arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-256', data);
  const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { ...photo, sha256, data };
}

/**
 * Store a photo for an entry: the bytes once per content hash, plus a photo record. Must run
 * inside a transaction over photos, photoBlobs, blobUploads, outbox and meta.
 */
export async function storePhoto(db: SetwiseDatabase, entryId: string, photo: HashedPhoto, caption = ''): Promise<Photo> {
  const existing = (await db.photos.where('entryId').equals(entryId).toArray()).filter(isLive);
  if (existing.length >= MAX_PHOTOS_PER_ENTRY) {
    throw new TooManyPhotosError(`An entry can hold ${MAX_PHOTOS_PER_ENTRY} photos at most.`);
  }
  if (!(await db.photoBlobs.get(photo.sha256))) {
    await db.photoBlobs.put(photoBlobRow(photo.sha256, photo.data, photo.blob.type));
    await db.blobUploads.put({ sha256: photo.sha256, queuedAt: new Date().toISOString() });
  }
  return writeRecordChange<Photo>(db, {
    table: 'photos',
    recordId: newId(),
    fields: {
      entryId,
      sha256: photo.sha256,
      mimeType: photo.blob.type || 'image/jpeg',
      width: photo.width,
      height: photo.height,
      bytes: photo.blob.size,
      caption,
    },
    create: true,
  });
}
