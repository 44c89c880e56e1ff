import { applyFieldChanges } from '../../domain/mergeRecord';
import type { SyncedRecord } from '../../domain/syncedRecord';
import type { OutboxRow } from '../db/rows';

/** A row's per-field stamps (rows from before folding carry one stamp for every field). */
export function rowClocks(row: OutboxRow): Record<string, string> {
  return row.clocks ?? Object.fromEntries(Object.keys(row.fields).map((field) => [field, row.hlc]));
}

/**
 * The device's copy of a record after a pull: the server's copy, with this device's changes
 * that the server has not acknowledged yet laid on top (merged field by field, as the server
 * will merge them). Acknowledged changes are already in the server's copy, so the device ends
 * up with exactly what every other device will have once its pending changes are pushed —
 * including any stamp the server clamped.
 */
export function rebaseRecord<T extends SyncedRecord>(server: T, pending: readonly OutboxRow[]): T {
  let record = server;
  for (const row of pending) record = applyFieldChanges(record, row.fields, rowClocks(row), server.updatedAt);
  return record;
}
