import { fitWithin, MAX_PHOTO_EDGE_PX } from '../../domain/photo';
import type { PreparedPhoto } from '../db/repositories/photoRepository';

const JPEG_QUALITY = 0.85;

/**
 * Decode a chosen photo, scale it so its longest side is at most 2048 px and re-encode it as
 * JPEG. Re-encoding always (even small photos) also strips EXIF metadata such as the GPS
 * position of the school. Throws an Error with a message for the person if it cannot.
 */
export async function preparePhoto(file: Blob & { name?: string }): Promise<PreparedPhoto> {
  const label = file.name ? `"${file.name}"` : 'This file';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${label} could not be opened as a photo. Try a JPEG or PNG.`);
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, MAX_PHOTO_EDGE_PX);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This device cannot resize photos.');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!blob) throw new Error(`${label} could not be resized on this device.`);
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
