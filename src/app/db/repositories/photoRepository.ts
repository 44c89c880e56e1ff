import { newId } from '../../../domain/ids';
import { MAX_PHOTOS_PER_ENTRY, type Photo } from '../../../domain/photo';
import { isLive } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { markDeleted, markRestored } from './tombstones';

export interface PreparedPhoto {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

export class TooManyPhotosError extends Error {}

async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Photos attached to log entries. Bytes are stored once per SHA-256 (content-addressed, ready
 * to upload by hash); the photo record holds the metadata and syncs like any record.
 */
export function createPhotoRepository(db: SetwiseDatabase) {
  return {
    async add(entryId: string, photo: PreparedPhoto, caption = ''): Promise<Photo> {
      const sha256 = await sha256Hex(photo.blob);
      return db.transaction('rw', [db.photos, db.photoBlobs, db.outbox, db.meta], async () => {
        const existing = (await db.photos.where('entryId').equals(entryId).toArray()).filter(isLive);
        if (existing.length >= MAX_PHOTOS_PER_ENTRY) {
          throw new TooManyPhotosError(`An entry can hold ${MAX_PHOTOS_PER_ENTRY} photos at most.`);
        }
        if (!(await db.photoBlobs.get(sha256))) {
          await db.photoBlobs.put({ sha256, blob: photo.blob, mimeType: photo.blob.type, bytes: photo.blob.size });
        }
        return writeRecordChange<Photo>(db, {
          table: 'photos',
          recordId: newId(),
          fields: {
            entryId,
            sha256,
            mimeType: photo.blob.type || 'image/jpeg',
            width: photo.width,
            height: photo.height,
            bytes: photo.blob.size,
            caption,
          },
          create: true,
        });
      });
    },

    async setCaption(id: string, caption: string): Promise<void> {
      await writeRecordChange(db, { table: 'photos', recordId: id, fields: { caption: caption.slice(0, 500) } });
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'photos', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'photos', id);
    },

    async listForEntry(entryId: string): Promise<Photo[]> {
      const photos = await db.photos.where('entryId').equals(entryId).toArray();
      return photos.filter(isLive).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async blob(sha256: string): Promise<Blob | undefined> {
      return (await db.photoBlobs.get(sha256))?.blob;
    },
  };
}
export type PhotoRepository = ReturnType<typeof createPhotoRepository>;
