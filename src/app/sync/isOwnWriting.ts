import { LOCAL_OWNER } from '../../domain/syncedRecord';

/** Tables whose records are one person's own writing (their journal, challenge, trials…). */
const OWN_WRITING_TABLES: ReadonlySet<string> = new Set([
  'logEntries',
  'challenges',
  'challengeRevisions',
  'trials',
  'measures',
  'readings',
  'photos',
  'comments',
  'diagnostics',
  'posters',
]);

/**
 * Whether a record is the viewer's own writing, which the server always lets its author see.
 * Invariant: the sync engine never drops such a record from the device when access changes
 * (a safety net: whatever the server says, a person's own journal stays on their tablet).
 */
export function isOwnWriting(table: string, record: { owner?: unknown }, viewer: string): boolean {
  return OWN_WRITING_TABLES.has(table) && (record.owner === viewer || record.owner === LOCAL_OWNER);
}
