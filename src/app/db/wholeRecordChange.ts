import { IDENTITY_FIELDS, type SyncedRecord } from '../../domain/syncedRecord';

/**
 * A record as one change: every stamped field (not identity, not updatedAt) with its own stamp,
 * and the latest stamp. Null when nothing is stamped. Used to queue whole records for sync.
 */
export function wholeRecordChange(record: SyncedRecord): { fields: Record<string, unknown>; clocks: Record<string, string>; hlc: string } | null {
  const fields: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  for (const [field, clock] of Object.entries(record.clocks)) {
    if (IDENTITY_FIELDS.has(field) || field === 'updatedAt' || !(field in record)) continue;
    fields[field] = (record as Record<string, unknown>)[field];
    clocks[field] = clock;
  }
  const hlc = Object.values(clocks).sort().at(-1);
  return hlc === undefined ? null : { fields, clocks, hlc };
}
