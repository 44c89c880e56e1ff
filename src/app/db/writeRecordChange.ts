import { newId } from '../../domain/ids';
import { applyPatch } from '../../domain/mergeRecord';
import { isLongTextField } from '../../domain/sync/longTextFields';
import type { SyncedRecord } from '../../domain/syncedRecord';
import { getOwner, nextLocalStamp } from './deviceClock';
import { foldIntoOutboxRow } from './foldIntoOutboxRow';
import type { SetwiseDatabase, SyncedTableName } from './SetwiseDatabase';

export interface RecordChange {
  readonly table: SyncedTableName;
  readonly recordId: string;
  readonly fields: Readonly<Record<string, unknown>>;
  /** Create the record if it does not exist yet (otherwise a missing record is an error). */
  readonly create?: boolean;
}

/**
 * The one way a synced record is written. In a single transaction it stamps the change with
 * the device's hybrid logical clock, merges it into the stored record and records the same
 * change in the outbox (folded into the record's unsent row if there is one) — so a write is
 * never on the device without its pending sync, nor the other way round (invariant relied on
 * by src/app/sync).
 */
export async function writeRecordChange<T extends SyncedRecord>(db: SetwiseDatabase, change: RecordChange): Promise<T> {
  const table = db.table<T, string>(change.table);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const now = new Date();
    const nowIso = now.toISOString();
    const hlc = await nextLocalStamp(db, now);
    const existing = await table.get(change.recordId);
    if (!existing && !change.create) throw new Error(`No ${change.table} record ${change.recordId}`);
    const base =
      existing ??
      ({
        id: change.recordId,
        owner: await getOwner(db),
        createdAt: nowIso,
        updatedAt: nowIso,
        deletedAt: null,
        clocks: {},
      } as unknown as T);
    const fields = existing ? change.fields : { deletedAt: null, ...change.fields };
    // For long writing, remember what the edit was based on, so the server can tell a
    // concurrent edit on another device from an ordinary later one (docs/sync-protocol.md).
    const bases = Object.fromEntries(
      Object.keys(fields)
        .filter((field) => isLongTextField(change.table, field))
        .map((field) => [field, (existing?.clocks as Record<string, string> | undefined)?.[field] ?? '']),
    );
    const hasBases = Object.keys(bases).length > 0;
    const next = applyPatch(base, { recordId: change.recordId, hlc, fields }, nowIso);
    await table.put(next);
    const pending = await db.outbox.where('recordId').equals(change.recordId).last();
    if (pending && pending.table === change.table && !pending.pushStartedAt) {
      await db.outbox.put(foldIntoOutboxRow(pending, { hlc, fields, ...(hasBases ? { bases } : {}) }));
    } else {
      await db.outbox.add({
        mutationId: newId(),
        table: change.table,
        recordId: change.recordId,
        hlc,
        fields: { ...fields },
        clocks: Object.fromEntries(Object.keys(fields).map((field) => [field, hlc])),
        ...(hasBases ? { bases } : {}),
        createdAt: nowIso,
      });
    }
    return next;
  });
}
