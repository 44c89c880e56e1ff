import { isLive } from '../../domain/syncedRecord';
import { photoBlobOf, photoBlobRow } from '../db/photoBlobRow';
import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import type { SyncApi } from './createSyncApi';

/**
 * Photo bytes travel apart from records, content-addressed by SHA-256: each queued upload is
 * retried (on every sync) until the server acknowledges it; photos that arrived as records
 * from another device are downloaded so they can be shown offline.
 * Returns how many blobs moved.
 */
export async function transferPhotoBlobs(db: SetwiseDatabase, api: SyncApi): Promise<number> {
  let moved = 0;
  for (const upload of await db.blobUploads.toArray()) {
    const stored = await db.photoBlobs.get(upload.sha256);
    if (stored) {
      await api.putBlob(upload.sha256, photoBlobOf(stored));
      moved += 1;
    }
    await db.blobUploads.delete(upload.sha256);
  }
  const photos = (await db.photos.toArray()).filter(isLive);
  const wanted = new Set(photos.map((photo) => photo.sha256));
  for (const sha256 of wanted) {
    if (await db.photoBlobs.get(sha256)) continue;
    const blob = await api.getBlob(sha256);
    const mimeType = photos.find((photo) => photo.sha256 === sha256)?.mimeType ?? blob.type;
    await db.photoBlobs.put(photoBlobRow(sha256, await blob.arrayBuffer(), mimeType));
    moved += 1;
  }
  return moved;
}
