/**
 * A row's content as bytes for sealing, and back. JSON keeps unknown fields (a newer app's
 * rows survive an older one); binary values (photo bytes) are kept as base64 under a marker
 * key that no record field uses.
 */
const BYTES_MARKER = '\u0000bytes';

function toBase64(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 0x8000; // String.fromCharCode takes arguments: keep each call well inside limits
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export class UnsealableValueError extends Error {}

export function encodeRowContent(row: unknown): Uint8Array {
  const json = JSON.stringify(row, (_key, value: unknown) => {
    if (value instanceof ArrayBuffer) return { [BYTES_MARKER]: toBase64(new Uint8Array(value)), buffer: true };
    if (value instanceof Uint8Array) return { [BYTES_MARKER]: toBase64(value) };
    // A Blob cannot be read synchronously inside a transaction: writers store bytes instead.
    if (typeof Blob !== 'undefined' && value instanceof Blob) throw new UnsealableValueError('A Blob cannot be sealed; store its bytes.');
    return value;
  });
  return new TextEncoder().encode(json);
}

export function decodeRowContent(bytes: Uint8Array): Record<string, unknown> {
  const text = new TextDecoder().decode(bytes);
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && BYTES_MARKER in value) {
      const encoded = (value as Record<string, unknown>)[BYTES_MARKER];
      const decoded = fromBase64(typeof encoded === 'string' ? encoded : '');
      return (value as Record<string, unknown>).buffer === true ? decoded.buffer : decoded;
    }
    return value;
  }) as Record<string, unknown>;
}
