import { z } from 'zod';
import { syncedRecordSchema } from './syncedRecord';

/** Photos larger than this are refused before decoding: no tablet photo needs more. */
export const MAX_PHOTO_INPUT_BYTES = 30 * 1024 * 1024;
/** Longest side after downscaling on the device. */
export const MAX_PHOTO_EDGE_PX = 2048;
export const MAX_PHOTOS_PER_ENTRY = 12;

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/heic', 'image/heif', 'image/avif'];

/** A reason to refuse a chosen file, in plain words, or null when it may be an image. */
export function checkPhotoFile(file: { name: string; type: string; size: number }): string | null {
  const looksLikeImage = file.type.startsWith('image/') || /\.(jpe?g|png|webp|gif|heic|heif|avif)$/i.test(file.name);
  if (!looksLikeImage || (file.type !== '' && !ACCEPTED_TYPES.includes(file.type))) {
    return `"${file.name}" is not a photo Setwise can keep (JPEG, PNG, WebP, GIF or HEIC).`;
  }
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > MAX_PHOTO_INPUT_BYTES) {
    const mb = Math.round(file.size / (1024 * 1024));
    return `"${file.name}" is ${mb} MB — too large. Choose a photo under ${MAX_PHOTO_INPUT_BYTES / (1024 * 1024)} MB.`;
  }
  return null;
}

/** Scale (width, height) so the longest side is at most `maxEdge`, keeping the aspect ratio. */
export function fitWithin(width: number, height: number, maxEdge = MAX_PHOTO_EDGE_PX): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge) return { width, height };
  const scale = maxEdge / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Photo metadata syncs as a record; the bytes are content-addressed by SHA-256 and kept apart
 * (a blob store), so an unchanged photo is never uploaded twice.
 */
export const photoSchema = syncedRecordSchema.extend({
  entryId: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mimeType: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  caption: z.string().max(500).default(''),
});
export type Photo = z.infer<typeof photoSchema>;
