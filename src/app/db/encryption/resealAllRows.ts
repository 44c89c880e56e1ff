import type { Table } from 'dexie';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import type { PhotoBlobRow } from '../rows';

const CHUNK = 250;

/**
 * Rewrites every row of every table through the sealing middleware, so each is stored the
 * way the keyring now says: sealed after a passcode is set, clear while it is being removed.
 * Chunked transactions keep the app usable; running it again after an interruption is
 * harmless (a row is read in whatever form it is and written in the wanted one). Photo bytes stored as Blobs by older versions are
 * read first (outside any transaction) and stored as bytes, which can be sealed.
 */
export async function resealAllRows(db: SetwiseDatabase, onProgress?: (done: number, total: number) => void): Promise<void> {
  await photoBlobsAsBytes(db);
  const tables = db.tables as Table<unknown, unknown>[];
  const keysByTable = await Promise.all(tables.map((table) => table.toCollection().primaryKeys()));
  const total = keysByTable.reduce((sum, keys) => sum + keys.length, 0);
  let done = 0;
  for (const [index, table] of tables.entries()) {
    const keys = keysByTable[index] ?? [];
    for (let start = 0; start < keys.length; start += CHUNK) {
      const chunk = keys.slice(start, start + CHUNK);
      await db.transaction('rw', table, async () => {
        const rows = await table.bulkGet(chunk);
        const present = rows.filter((row) => row !== undefined);
        if (present.length > 0) await table.bulkPut(present);
      });
      done += chunk.length;
      onProgress?.(done, total);
    }
  }
}

async function photoBlobsAsBytes(db: SetwiseDatabase): Promise<void> {
  const legacy = (await db.photoBlobs.toArray()).filter((row): row is PhotoBlobRow & { blob: Blob } => !row.data && row.blob instanceof Blob);
  for (const row of legacy) {
    const data = await row.blob.arrayBuffer();
    await db.photoBlobs.put({ sha256: row.sha256, mimeType: row.mimeType, bytes: row.bytes, data });
  }
}
