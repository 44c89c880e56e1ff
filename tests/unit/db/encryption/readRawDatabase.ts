// Reads a device database the way someone holding a copy of the browser profile could:
// straight from IndexedDB, no Dexie, no key. Binary values become latin-1 text so that
// photo bytes can be looked for with `includes`.
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

export function bytesAsText(bytes: Uint8Array): string {
  return latin1(bytes);
}

export async function readRawDatabase(name: string): Promise<{ text: string; rows: Record<string, unknown[]> }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const rows: Record<string, unknown[]> = {};
  for (const store of Array.from(db.objectStoreNames)) {
    rows[store] = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    });
  }
  db.close();
  const text = JSON.stringify(rows, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return latin1(value);
    if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
    if (value instanceof Blob) return '[a Blob in clear]';
    return value;
  });
  return { text, rows };
}
