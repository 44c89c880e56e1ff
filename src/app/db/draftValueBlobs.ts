/**
 * Drafts may hold photos not yet saved (Blobs). A Blob cannot be sealed inside a transaction
 * (docs/decisions/016), so drafts store each Blob as its bytes and type, read before the
 * transaction, and turn them back into Blobs when read.
 */
const BLOB_MARKER = '\u0000blob';

interface StoredBlob {
  readonly [BLOB_MARKER]: ArrayBuffer;
  readonly type: string;
}

function isStoredBlob(value: unknown): value is StoredBlob {
  return typeof value === 'object' && value !== null && BLOB_MARKER in value && (value as Record<string, unknown>)[BLOB_MARKER] instanceof ArrayBuffer;
}

export async function draftValueForStorage(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { [BLOB_MARKER]: await value.arrayBuffer(), type: value.type };
  if (Array.isArray(value)) return Promise.all(value.map(draftValueForStorage));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await draftValueForStorage(item)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

export function draftValueFromStorage(value: unknown): unknown {
  if (isStoredBlob(value)) return new Blob([value[BLOB_MARKER]], { type: value.type });
  if (Array.isArray(value)) return value.map(draftValueFromStorage);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, draftValueFromStorage(item)]));
  }
  return value;
}
