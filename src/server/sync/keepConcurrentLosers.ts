import { canonicalJson } from '../../domain/canonicalJson';
import type { FieldConflicts } from '../../domain/fieldConflict';
import { compareHlc, formatHlc, parseHlc } from '../../domain/hlc';
import { isLongTextField } from '../../domain/sync/longTextFields';
import type { SyncedRecord } from '../../domain/syncedRecord';

/**
 * Long writing edited on two devices without either seeing the other's edit must not lose
 * either side. A device sends, for each long-text field, the stamp the field had when it
 * started editing (`bases`). If the stored field has since been changed by someone else (its
 * stamp is neither the base nor this edit's), the two edits were concurrent: last writer still
 * wins the field, and the losing text is kept in `conflicts` for the person to resolve.
 * Returns the merged record with any new conflicts added (unchanged when there are none).
 */
export function keepConcurrentLosers(
  table: string,
  stored: SyncedRecord,
  merged: SyncedRecord,
  incoming: { fields: Readonly<Record<string, unknown>>; clocks: Readonly<Record<string, string>>; bases?: Readonly<Record<string, string>> },
  nowIso: string,
): SyncedRecord {
  const conflicts: FieldConflicts = { ...(merged.conflicts ?? {}) };
  let found = false;
  let latest = merged.clocks.conflicts ?? '';
  const storedRecord = stored as Record<string, unknown>;
  for (const [field, base] of Object.entries(incoming.bases ?? {})) {
    if (!isLongTextField(table, field) || !(field in incoming.fields)) continue;
    const storedStamp = stored.clocks[field] ?? '';
    const incomingStamp = incoming.clocks[field] ?? '';
    if (storedStamp === '' || storedStamp === base || storedStamp === incomingStamp) continue;
    if (canonicalJson(storedRecord[field]) === canonicalJson(incoming.fields[field])) continue;
    const incomingWins = compareHlc(incomingStamp, storedStamp) > 0;
    conflicts[field] = incomingWins
      ? { value: storedRecord[field], stamp: storedStamp, at: nowIso }
      : { value: incoming.fields[field], stamp: incomingStamp, at: nowIso };
    for (const stamp of [storedStamp, incomingStamp]) if (compareHlc(stamp, latest) > 0) latest = stamp;
    found = true;
  }
  if (!found) return merged;
  // Stamp the conflicts after both edits, so a device that resolves it later (with a later
  // stamp, having seen this one) wins, and one that has not seen it does not erase it.
  const after = latest ? parseHlc(latest) : { wallMs: Date.parse(nowIso), counter: 0, node: 'server' };
  const stamp = formatHlc({ wallMs: Math.max(after.wallMs, Date.parse(nowIso)), counter: after.counter + 1, node: 'server' });
  return { ...merged, conflicts, clocks: { ...merged.clocks, conflicts: stamp } };
}
