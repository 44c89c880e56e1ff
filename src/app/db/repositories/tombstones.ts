import type { SetwiseDatabase, SyncedTableName } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';

/** Delete = set a tombstone that syncs like any change; undo clears it with a later stamp. */
export async function markDeleted(db: SetwiseDatabase, table: SyncedTableName, id: string): Promise<void> {
  await writeRecordChange(db, { table, recordId: id, fields: { deletedAt: new Date().toISOString() } });
}

export async function markRestored(db: SetwiseDatabase, table: SyncedTableName, id: string): Promise<void> {
  await writeRecordChange(db, { table, recordId: id, fields: { deletedAt: null } });
}
