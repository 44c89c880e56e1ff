import { isOwnWritingTable } from '../../domain/sync/ownWritingTables';
import { LOCAL_OWNER } from '../../domain/syncedRecord';

/**
 * Whether a record is the viewer's own writing, which the server always lets its author see.
 * Invariant: the sync engine never drops such a record from the device when access changes
 * (a safety net: whatever the server says, a person's own journal stays on their tablet).
 */
export function isOwnWriting(table: string, record: { owner?: unknown }, viewer: string): boolean {
  return isOwnWritingTable(table) && (record.owner === viewer || record.owner === LOCAL_OWNER);
}
