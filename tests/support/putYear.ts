// Stores a generated year on a device database (Dexie), as a long-used tablet would hold it.
import type { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import type { GeneratedYear } from './generateYear';

export async function putYear(db: SetwiseDatabase, year: GeneratedYear, owner: string): Promise<void> {
  await db.meta.put({ key: 'owner', value: owner });
  for (const [table, records] of Object.entries(year.tables)) await db.table(table).bulkPut(records);
  await db.photoBlobs.bulkPut(
    [...year.photoBytes].map(([sha256, photo]) => ({ sha256, blob: new Blob([photo.bytes], { type: photo.mimeType }), mimeType: photo.mimeType, bytes: photo.bytes.length })),
  );
}
