import type MiniSearch from 'minisearch';
import {
  buildSearchContext,
  coachingDocument,
  entryDocument,
  meetingDocument,
  roundDocument,
  searchDocumentId,
  trialDocument,
  type SearchContext,
  type SearchDocument,
  type SearchTable,
} from '../../search/searchDocuments';
import type { FullSnapshot, SmallSnapshot } from './searchSnapshot';

/**
 * The index in memory and, for every record it has looked at (a document or not — someone
 * else's entry is looked at and left out), the stamp it had: its updatedAt and a hash of the
 * document it made. The hash matters: updatedAt keeps the later of two copies' times, so a
 * change pulled from a device whose clock is behind can leave it as it was.
 */
export interface IndexState {
  readonly mini: MiniSearch<SearchDocument>;
  readonly indexed: Map<string, string>;
  /** Documents added, replaced or discarded so far. */
  changes: number;
}

/** A short hash (cyrb53) of what a document shows, or '-' for a record that is not one. */
function fingerprint(document: SearchDocument | null): string {
  if (!document) return '-';
  const text = `${document.kind}\u0000${document.title}\u0000${document.at}\u0000${document.href}\u0000${document.text}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(36) + (h1 >>> 0).toString(36);
}

function stampOf(record: { updatedAt: string }, document: SearchDocument | null): string {
  return `${record.updatedAt}|${fingerprint(document)}`;
}

function put(state: IndexState, key: string, document: SearchDocument | null, stamp: string): void {
  if (document) {
    if (state.mini.has(key)) state.mini.replace(document);
    else state.mini.add(document);
  } else if (state.mini.has(key)) {
    state.mini.discard(key);
  }
  state.indexed.set(key, stamp);
  state.changes += 1;
}

function remove(state: IndexState, key: string): void {
  if (state.mini.has(key)) state.mini.discard(key);
  state.indexed.delete(key);
  state.changes += 1;
}

/** One record as search sees it: its document, or null when it is not the person's to search. */
interface Item {
  readonly id: string;
  readonly updatedAt: string;
  readonly document: SearchDocument | null;
}

interface TableItems {
  readonly table: SearchTable;
  readonly items: readonly Item[];
}

type Converter<T> = (record: T, context: SearchContext) => SearchDocument | null;

function items<T extends { id: string; updatedAt: string }>(table: SearchTable, records: readonly T[], toDocument: Converter<T>, context: SearchContext): TableItems {
  return { table, items: records.map((record) => ({ id: record.id, updatedAt: record.updatedAt, document: toDocument(record, context) })) };
}

/** Brings one record's document up to date (no item: the record is gone). */
function update(state: IndexState, key: string, item: Item | undefined): void {
  if (!item) {
    if (state.indexed.has(key)) remove(state, key);
    return;
  }
  const stamp = stampOf(item, item.document);
  if (state.indexed.get(key) !== stamp) put(state, key, item.document, stamp);
}

function smallTables(snapshot: SmallSnapshot, context: SearchContext): TableItems[] {
  return [
    items('meetings', snapshot.meetings, meetingDocument, context),
    items('meetingRounds', snapshot.rounds, roundDocument, context),
    items('coachingSessions', snapshot.coaching, coachingDocument, context),
  ];
}

/** Every record of the given tables checked; those of these tables no longer there removed. */
function applyTables(state: IndexState, tables: readonly TableItems[]): void {
  const seen = new Set<string>();
  for (const { table, items: list } of tables) {
    for (const item of list) {
      const key = searchDocumentId(table, item.id);
      seen.add(key);
      update(state, key, item);
    }
  }
  const prefixes = tables.map(({ table }) => `${table}:`);
  for (const key of [...state.indexed.keys()]) {
    if (!seen.has(key) && prefixes.some((prefix) => key.startsWith(prefix))) remove(state, key);
  }
}

/** The small tables, read whole: meetings, rounds and coaching sessions (names included). */
export function applySmallSnapshot(state: IndexState, snapshot: SmallSnapshot): SearchContext {
  const context = buildSearchContext(snapshot);
  applyTables(state, smallTables(snapshot, context));
  return context;
}

const SEARCH_TABLE_PREFIXES = ['meetings:', 'meetingRounds:', 'coachingSessions:', 'logEntries:', 'trials:'];

/** Every table: building from nothing, or catching up a saved index. */
export function applyFullSnapshot(state: IndexState, snapshot: FullSnapshot): SearchContext {
  const context = buildSearchContext(snapshot);
  applyTables(state, [
    ...smallTables(snapshot, context),
    items('logEntries', snapshot.entries, entryDocument, context),
    items('trials', snapshot.trials, trialDocument, context),
  ]);
  // Keys of a table search no longer covers would linger otherwise.
  for (const key of [...state.indexed.keys()]) if (!SEARCH_TABLE_PREFIXES.some((prefix) => key.startsWith(prefix))) remove(state, key);
  return context;
}

/** Some records of a big table, read because they changed (undefined: no longer there). */
export function applyChangedRecords<T extends { id: string; updatedAt: string }>(
  state: IndexState,
  context: SearchContext,
  table: SearchTable,
  ids: readonly string[],
  records: readonly (T | undefined)[],
  toDocument: Converter<T>,
): void {
  ids.forEach((id, position) => {
    const record = records[position];
    update(state, searchDocumentId(table, id), record && { id, updatedAt: record.updatedAt, document: toDocument(record, context) });
  });
}
