import type { OutboxRow } from './rows';

/**
 * Fold a new change to a record into the unsent outbox row for that record. The result holds,
 * per field, the latest value and that value's own stamp — exactly what the record itself now
 * holds for those fields — so pushing the folded row is the same as pushing every change one
 * by one (the merge is per field, last stamp wins).
 *
 * Invariant: only rows with no `pushStartedAt` are folded into (a row being pushed is frozen).
 */
export function foldIntoOutboxRow(
  row: OutboxRow,
  change: { readonly hlc: string; readonly fields: Readonly<Record<string, unknown>>; readonly bases?: Readonly<Record<string, string>> },
): OutboxRow {
  if (row.pushStartedAt) throw new Error('An outbox row being pushed must not change.');
  // A copy: the row passed in is never changed.
  const clocks: Record<string, string> = {
    ...(row.clocks ?? Object.fromEntries(Object.keys(row.fields).map((field) => [field, row.hlc]))),
  };
  const fields: Record<string, unknown> = { ...row.fields };
  for (const [field, value] of Object.entries(change.fields)) {
    fields[field] = value;
    clocks[field] = change.hlc;
  }
  // A field's base is what it was before the row's FIRST edit of it: later edits build on that.
  const bases = change.bases || row.bases ? { ...change.bases, ...row.bases } : undefined;
  return { ...row, ...(bases ? { bases } : {}), fields, clocks, hlc: change.hlc > row.hlc ? change.hlc : row.hlc };
}
