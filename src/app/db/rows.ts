/** Rows of the device-only tables (never synced as records). */

/**
 * Local changes to one record waiting to be pushed, written in the same transaction as the
 * record. While a row is not yet being pushed, later writes to the same record fold into it
 * (see foldIntoOutboxRow), so typing a paragraph leaves one row, not one per keystroke.
 */
export interface OutboxRow {
  seq?: number;
  mutationId: string;
  table: string;
  recordId: string;
  /** The latest stamp folded into this row. */
  hlc: string;
  /** The latest value of every field changed since the row was opened. */
  fields: Record<string, unknown>;
  /** The stamp of each field's latest value (rows written before folding existed lack it: every field then has `hlc`). */
  clocks?: Record<string, string>;
  /** Long-text fields: the stamp each had before the first edit in this row ('' if none). */
  bases?: Record<string, string>;
  createdAt: string;
  /** Set by the sync engine when it starts pushing this row; a row being pushed is never folded into. */
  pushStartedAt?: string;
  /** The batch this row was sent in; a retry resends the same batch, so the server applies it once. */
  pushBatchId?: string;
}

/**
 * Content-addressed photo bytes, shared by every photo record with the same hash. Rows hold
 * the bytes as an ArrayBuffer (`data`) so that encryption at rest can seal them inside a
 * transaction; rows stored before that hold a Blob (`blob`). Read them with photoBlobOf.
 */
export interface PhotoBlobRow {
  sha256: string;
  data?: ArrayBuffer;
  blob?: Blob;
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

/** Photo bytes not yet acknowledged by the sync server; removed once uploaded. */
export interface BlobUploadRow {
  sha256: string;
  queuedAt: string;
}

/**
 * A change the server refused under the sharing rules (e.g. to the notes of a set the person
 * had left while offline). Kept on the device with the reason, never silently dropped, so the
 * person can copy what they wrote; removed when they dismiss it.
 */
export interface SetAsideChangeRow {
  id?: number;
  table: string;
  recordId: string;
  fields: Record<string, unknown>;
  reason: string;
  setAsideAt: string;
}

/**
 * The device's search index (MiniSearch, serialised), kept so a reload does not rebuild it;
 * `key` 'journal'. Device-only: derived from the records and rebuilt whenever it is missing or
 * its `version` is not the current one.
 */
export interface SearchIndexRow {
  key: string;
  version: number;
  /** MiniSearch.toJSON() as text. */
  index: string;
  /** The records indexed and the updatedAt each had, to catch up changes made while closed. */
  indexed: Record<string, string>;
  savedAt: string;
}
