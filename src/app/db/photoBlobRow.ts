import type { PhotoBlobRow } from './rows';

/** A row for photo bytes (see PhotoBlobRow: bytes, never a Blob, so they can be sealed). */
export function photoBlobRow(sha256: string, data: ArrayBuffer, mimeType: string): PhotoBlobRow {
  return { sha256, data, mimeType, bytes: data.byteLength };
}

/** The photo as a Blob, whichever way its row was stored. */
export function photoBlobOf(row: PhotoBlobRow): Blob {
  if (row.data) return new Blob([row.data], { type: row.mimeType });
  return row.blob ?? new Blob([], { type: row.mimeType });
}
