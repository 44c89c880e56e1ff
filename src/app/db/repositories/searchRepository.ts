import type { SearchIndex, SearchIndexOptions } from '../search/createSearchIndex';
import type { SearchResults } from '../search/searchOptions';
import type { SetwiseDatabase } from '../SetwiseDatabase';

export type { SearchHit, SearchResults } from '../search/searchOptions';

/**
 * Search over the person's writing — log entries, trials, meeting notes and coaching notes —
 * on the device, offline. The index (src/app/db/search) is opened on first use and then kept
 * up to date as records change, here or in another tab.
 */
export function createSearchRepository(db: SetwiseDatabase, options: SearchIndexOptions = {}) {
  // The index code (and MiniSearch) is loaded on first use, keeping it out of the app's first download.
  let index: Promise<SearchIndex> | null = null;
  const open = (): Promise<SearchIndex> => (index ??= import('../search/createSearchIndex').then((module) => module.createSearchIndex(db, options)));

  return {
    /** Best matches first, at most `limit` (default 50), with how many match in all. */
    async search(query: string, searchOptions: { readonly limit?: number } = {}): Promise<SearchResults> {
      const opened = await open();
      await opened.ready();
      return opened.search(query, searchOptions);
    },

    /** Calls `listener` whenever what a search finds may have changed; returns the unsubscribe. */
    subscribe(listener: () => void): () => void {
      let stop: (() => void) | null = null;
      let cancelled = false;
      void open().then((opened) => {
        if (!cancelled) stop = opened.subscribe(listener);
      });
      return () => {
        cancelled = true;
        stop?.();
      };
    },

    /** Resolves once the index is loaded (or built) and caught up with the records. */
    async ready(): Promise<void> {
      await (await open()).ready();
    },

    /** Writes the index to the device and stops following changes (reopened on next use). */
    async close(): Promise<void> {
      const opened = index;
      index = null;
      await (await opened)?.dispose();
    },
  };
}
export type SearchRepository = ReturnType<typeof createSearchRepository>;
