import Dexie, { RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { LogEntry } from '../../../domain/logEntry';
import type { StrategyTrial } from '../../../domain/strategyTrial';
import { entryDocument, trialDocument, type SearchContext } from '../../search/searchDocuments';
import type { SearchIndexRow } from '../rows';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { applyChangedRecords, applyFullSnapshot, applySmallSnapshot, type IndexState } from './indexState';
import { loadMiniSearch, newMiniSearch, SEARCH_INDEX_KEY, SEARCH_INDEX_VERSION, toSearchHit, type SearchResults } from './searchOptions';
import { readFullSnapshot, readSmallSnapshot, SMALL_TABLES } from './searchSnapshot';

export interface SearchIndexStats {
  /** Times the index was built from the records because no usable saved index was found. */
  readonly builtFromScratch: number;
  /** Times a saved index was loaded (and then caught up). */
  readonly loadedFromDevice: number;
  /** Documents added, replaced or discarded since the index was opened. */
  readonly changesApplied: number;
  /** Times every record was read and compared (opening, or after a bulk change). */
  readonly fullCatchUps: number;
  readonly saves: number;
}

export interface SearchIndex {
  /** Best matches first; `limit` (default 50) caps `results`, `total` counts them all. */
  search(query: string, options?: { readonly limit?: number }): SearchResults;
  /** Resolves once the index is loaded or built and caught up with the records. */
  ready(): Promise<void>;
  /** Calls `listener` after each change to what a search finds; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Writes the index to the device now if it changed since it was last written. */
  save(): Promise<void>;
  stats(): SearchIndexStats;
  /** Stops following changes and writes what is not written yet. */
  dispose(): Promise<void>;
}

export interface SearchIndexOptions {
  /**
   * Quiet time after a change before the index is written to the device (default 10 s). An
   * index written a little behind costs nothing but a short catch-up at the next start; writing
   * it (several MB for a year of writing) is the expensive part.
   */
  readonly saveDelayMs?: number;
}

type BigTable = 'logEntries' | 'trials';

/** What changed since the index last looked, from Dexie's change notifications. */
interface Pending {
  full: boolean;
  small: boolean;
  readonly keys: Record<BigTable, Set<string>>;
}

const noPending = (full: boolean): Pending => ({ full, small: false, keys: { logEntries: new Set(), trials: new Set() } });
const SMALL: ReadonlySet<string> = new Set(SMALL_TABLES);

/**
 * Reads Dexie's notification of committed changes (this tab's, and other tabs' through its
 * BroadcastChannel) into `pending`: the ids of changed log entries and trials; a change to
 * the small tables; or, for a change not given key by key (a bulk write, a cleared table), a
 * full catch-up. Returns whether it concerned search.
 */
function notePending(pending: Pending, dbName: string, parts: ObservabilitySet): boolean {
  const prefix = `idb://${dbName}/`;
  let relevant = false;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix)) {
      // "all": everything may have changed (e.g. the page came back from the back/forward cache).
      if (part === 'all') pending.full = relevant = true;
      continue;
    }
    const [table, index] = part.slice(prefix.length).split('/');
    if (table === 'logEntries' || table === 'trials') {
      // The primary-key part lists every changed record (the index parts are for queries).
      if (index !== '') continue;
      relevant = true;
      for (const node of RangeSet(tree as IntervalTree)) {
        if (node.from === node.to && typeof node.from === 'string') pending.keys[table].add(node.from);
        else pending.full = true;
      }
    } else if (table !== undefined && SMALL.has(table)) {
      pending.small = relevant = true;
    }
  }
  return relevant;
}

/**
 * The device's search index over the person's writing (src/app/search/searchDocuments.ts): a
 * MiniSearch index kept in `searchIndex` so that a reload does not rebuild it.
 *
 * - Opening loads the saved index and catches up with what changed while it was closed by
 *   comparing its `indexed` stamps (updatedAt and a hash of each document) with the records;
 *   with no saved index, or one of another version, it builds from the records instead.
 * - While open it follows Dexie's change notifications (the ones behind liveQuery), which name
 *   the records each committed transaction changed, in this tab or another: changed log
 *   entries and trials are re-read by id; a change to meetings, rounds, coaching sessions or
 *   memberships re-reads those small tables.
 * - It writes itself back a moment after the last change, and when disposed.
 */
export function createSearchIndex(db: SetwiseDatabase, options: SearchIndexOptions = {}): SearchIndex {
  const saveDelayMs = options.saveDelayMs ?? 10_000;
  let state: IndexState | null = null;
  let context: SearchContext | null = null;
  let pending = noPending(true);
  let working: Promise<void> | null = null;
  let dirty = false;
  let disposed = false;
  let isReady = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const counts = { builtFromScratch: 0, loadedFromDevice: 0, fullCatchUps: 0, saves: 0 };

  let settle: { resolve: () => void; reject: (error: unknown) => void } = { resolve: () => {}, reject: () => {} };
  const readyPromise = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Reported to whoever waits on ready(); nobody waiting is not an error.
  readyPromise.catch(() => {});

  function onMutated(parts: ObservabilitySet) {
    if (!disposed && notePending(pending, db.name, parts) && state) void work();
  }
  Dexie.on.storagemutated.subscribe(onMutated);

  async function open(): Promise<IndexState> {
    const row = await db.searchIndex.get(SEARCH_INDEX_KEY);
    const saved = loadSaved(row);
    if (saved && row) {
      counts.loadedFromDevice += 1;
      return { mini: saved, indexed: new Map(Object.entries(row.indexed)), changes: 0 };
    }
    // Building from scratch is catching up from nothing.
    counts.builtFromScratch += 1;
    dirty = true;
    return { mini: newMiniSearch(), indexed: new Map(), changes: 0 };
  }

  function loadSaved(row: SearchIndexRow | undefined) {
    if (!row || row.version !== SEARCH_INDEX_VERSION) return null;
    try {
      return loadMiniSearch(row.index);
    } catch {
      return null;
    }
  }

  /** Applies what is pending, one batch at a time, until nothing is. */
  function work(): Promise<void> {
    if (working) return working;
    working = (async () => {
      try {
        while (state && !disposed && (pending.full || pending.small || pending.keys.logEntries.size + pending.keys.trials.size > 0)) {
          const batch = pending;
          pending = noPending(false);
          const before = state.changes;
          await applyBatch(state, batch);
          if (state.changes !== before) {
            dirty = true;
            scheduleSave();
            for (const listener of [...listeners]) listener();
          }
        }
        if (!isReady && state) {
          isReady = true;
          settle.resolve();
          // A fresh build is written soon, so that a reload does not have to build again.
          if (counts.builtFromScratch > 0 && dirty) scheduleSave(Math.min(saveDelayMs, 1000));
        }
      } catch (error) {
        // Whatever was lost is found again by a full catch-up at the next change.
        pending.full = true;
        if (!isReady) settle.reject(error);
      } finally {
        working = null;
      }
    })();
    return working;
  }

  async function applyBatch(current: IndexState, batch: Pending): Promise<void> {
    if (!batch.full && (batch.small || !context)) {
      const small = await readSmallSnapshot(db);
      // Whose writing is searched changed (a sign-in): look at everything again.
      if (context && small.owner !== context.me) batch.full = true;
      else context = applySmallSnapshot(current, small);
    }
    if (batch.full || !context) {
      context = applyFullSnapshot(current, await readFullSnapshot(db));
      counts.fullCatchUps += 1;
      return;
    }
    const entryIds = [...batch.keys.logEntries];
    const trialIds = [...batch.keys.trials];
    const [entries, trials] = await Promise.all([db.logEntries.bulkGet(entryIds), db.trials.bulkGet(trialIds)]);
    applyChangedRecords<LogEntry>(current, context, 'logEntries', entryIds, entries, entryDocument);
    applyChangedRecords<StrategyTrial>(current, context, 'trials', trialIds, trials, trialDocument);
  }

  function scheduleSave(delayMs = saveDelayMs) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), delayMs);
  }

  async function save(): Promise<void> {
    clearTimeout(saveTimer);
    if (!state || !dirty) return;
    // Between two awaits the index and its stamps always agree, so serialising both at once
    // gives a state the next start can catch up from.
    const row: SearchIndexRow = {
      key: SEARCH_INDEX_KEY,
      version: SEARCH_INDEX_VERSION,
      index: JSON.stringify(state.mini),
      indexed: Object.fromEntries(state.indexed),
      savedAt: new Date().toISOString(),
    };
    dirty = false;
    try {
      await db.searchIndex.put(row);
      counts.saves += 1;
    } catch {
      // The database is closing or full: the records are what matter; written after the next change.
      dirty = true;
    }
  }

  open()
    .then((opened) => {
      state = opened;
      return work();
    })
    .catch((error: unknown) => settle.reject(error));

  return {
    search(query, { limit = 50 } = {}) {
      const trimmed = query.trim();
      if (!state || trimmed === '') return { query: trimmed, total: 0, results: [] };
      const found = state.mini.search(trimmed);
      return { query: trimmed, total: found.length, results: found.slice(0, limit).map(toSearchHit) };
    },
    ready: () => readyPromise,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    save,
    stats: () => ({ ...counts, changesApplied: state?.changes ?? 0 }),
    async dispose() {
      disposed = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
      // Nobody should wait on an index that will not open any more.
      if (!isReady) settle.resolve();
      await working;
      await save();
      listeners.clear();
    },
  };
}
