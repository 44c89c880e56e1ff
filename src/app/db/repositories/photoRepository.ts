import type { Photo } from '../../../domain/photo';
import { isLive } from '../../../domain/syncedRecord';
import { photoBlobOf } from '../photoBlobRow';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { hashPhoto, storePhoto, type PreparedPhoto } from './storePhoto';
import { markDeleted, markRestored } from './tombstones';

export type { PreparedPhoto } from './storePhoto';
export { TooManyPhotosError } from './storePhoto';

/**
 * Photos attached to log entries. Bytes are stored once per SHA-256 (content-addressed, ready
 * to upload by hash); the photo record holds the metadata and syncs like any record.
 */
export function createPhotoRepository(db: SetwiseDatabase) {
  return {
    async add(entryId: string, photo: PreparedPhoto, caption = ''): Promise<Photo> {
      const hashed = await hashPhoto(photo);
      return db.transaction('rw', [db.photos, db.photoBlobs, db.blobUploads, db.outbox, db.meta], () =>
        storePhoto(db, entryId, hashed, caption),
      );
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
      const row = await db.photoBlobs.get(sha256);
      return row ? photoBlobOf(row) : undefined;
    },
  };
}
export type PhotoRepository = ReturnType<typeof createPhotoRepository>;
