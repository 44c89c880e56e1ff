/** Rows of the device-only tables (never synced as records). */

/** One local write waiting to be pushed; appended in the same transaction as the write. */
export interface OutboxRow {
  seq?: number;
  mutationId: string;
  table: string;
  recordId: string;
  hlc: string;
  fields: Record<string, unknown>;
  createdAt: string;
}

/** Content-addressed photo bytes, shared by every photo record with the same hash. */
export interface PhotoBlobRow {
  sha256: string;
  blob: Blob;
  mimeType: string;
  bytes: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** An unsaved form (e.g. the new-entry draft), autosaved as the person types. */
export interface DraftRow {
  key: string;
  value: unknown;
  updatedAt: string;
}
