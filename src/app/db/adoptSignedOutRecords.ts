import Dexie from 'dexie';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { enqueueWholeRecords } from './enqueueWholeRecords';
import { SetwiseDatabase, SYNCED_TABLES } from './SetwiseDatabase';

/**
 * What was written on this device before its first sign-in becomes the account's, once: every
 * record, photo and draft moves from the signed-out database into the account's database,
 * owned by the account and queued for upload in full; then the signed-out database is
 * deleted, so a later sign-in by someone else finds nothing to adopt. Returns the number of
 * records adopted. Safe to repeat after a crash part-way: records keep their ids, so copying
 * twice changes nothing and pushing twice duplicates nothing.
 */
export async function adoptSignedOutRecords(signedOutName: string, account: SetwiseDatabase, userId: string): Promise<number> {
  if (!(await Dexie.exists(signedOutName))) return 0;
  const source = new SetwiseDatabase(signedOutName);
  let adopted = 0;
  try {
    const tables = [...SYNCED_TABLES.map((name) => account.table(name)), account.outbox, account.meta, account.photoBlobs, account.blobUploads, account.drafts];
    const records = await Promise.all(SYNCED_TABLES.map(async (name) => [name, (await source.table(name).toArray()) as SyncedRecord[]] as const));
    const blobs = await source.photoBlobs.toArray();
    const drafts = await source.drafts.toArray();
    await account.transaction('rw', tables, async () => {
      for (const [name, rows] of records) {
        await account.table(name).bulkPut(rows.map((record) => ({ ...record, owner: userId })));
        adopted += rows.length;
      }
      await account.photoBlobs.bulkPut(blobs);
      await account.blobUploads.bulkPut(blobs.map((blob) => ({ sha256: blob.sha256, queuedAt: new Date().toISOString() })));
      for (const draft of drafts) if (!(await account.drafts.get(draft.key))) await account.drafts.put(draft);
      if (adopted > 0) await enqueueWholeRecords(account, new Date());
    });
  } finally {
    source.close();
  }
  await Dexie.delete(signedOutName);
  return adopted;
}
