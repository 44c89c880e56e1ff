import type { SyncTableName } from './syncTables';

/**
 * Tables whose records are one person's own writing: their journal, challenge and its saved
 * versions, trials, measures and readings, photos, comments, diagnostics and posters. A full
 * backup holds all of them and restores them as the person's own; deleting an account removes
 * them for good. Everything else (the cohort's structure, a set's meeting notes, coaching
 * notes) belongs to the cohort, the set or the coach and participant together.
 * The sync engine never drops such a record of its own person from a device (isOwnWriting.ts).
 */
export const OWN_WRITING_TABLES = [
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
] as const satisfies readonly SyncTableName[];
export type OwnWritingTable = (typeof OWN_WRITING_TABLES)[number];

export function isOwnWritingTable(table: string): table is OwnWritingTable {
  return (OWN_WRITING_TABLES as readonly string[]).includes(table);
}
