import { z } from 'zod';
import { isLive, VISIBILITIES, type SyncedRecord, type Visibility } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';

const visibilitySchema = z.enum(VISIBILITIES);

/** The participant-owned tables whose records carry a `visibility` the owner chooses. */
export type ShareableTableName = 'logEntries' | 'challenges' | 'trials' | 'measures';

/**
 * Changes who can see one of the person's own records: the `visibility` field alone, through
 * writeRecordChange, so nothing else on the record is re-stamped. Someone else's record (one
 * shared with this person) cannot be re-shared from here; the server would refuse it anyway.
 */
export async function setRecordVisibility<T extends SyncedRecord & { visibility: Visibility }>(
  db: SetwiseDatabase,
  table: ShareableTableName,
  id: string,
  visibility: Visibility,
  missingMessage: string,
): Promise<T> {
  const chosen = visibilitySchema.parse(visibility);
  return db.transaction('rw', [db.table(table), db.outbox, db.meta], async () => {
    const current = (await db.table<T, string>(table).get(id)) as T | undefined;
    if (!current || !isLive(current)) throw new Error(missingMessage);
    if (current.owner !== (await getOwner(db))) throw new Error('This belongs to someone else: only its author can change who sees it.');
    if (current.visibility === chosen) return current;
    return writeRecordChange<T>(db, { table, recordId: id, fields: { visibility: chosen } });
  });
}
