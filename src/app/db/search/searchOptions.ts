import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { highlightAll, snippet, type HighlightedText } from '../../search/highlight';
import type { SearchDocument, SearchKind } from '../../search/searchDocuments';

/**
 * The saved index's format. Bump it when the documents or the options below change: a device
 * holding an index of another version rebuilds it from the records.
 */
export const SEARCH_INDEX_VERSION = 1;
export const SEARCH_INDEX_KEY = 'journal';

export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'text'],
  storeFields: ['kind', 'title', 'text', 'at', 'href'],
  searchOptions: {
    // Every word must match, each also as the start of a word; words in a title count twice.
    combineWith: 'AND',
    prefix: true,
    // A typo is forgiven in words of five letters or more (one letter in five). Short words
    // are the schools' exact vocabulary: "KS2" must not find KS1, nor "TA" find "SLT".
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    boost: { title: 2 },
  },
};

export function newMiniSearch(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
}

export function loadMiniSearch(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, MINISEARCH_OPTIONS);
}

/** One result, ready to show: the matched words' places in the title and in a snippet. */
export interface SearchHit {
  readonly id: string;
  readonly kind: SearchKind;
  readonly at: string;
  readonly href: string;
  readonly score: number;
  /** The words in the item that matched (lower case), e.g. "phonics" for the query "phon". */
  readonly terms: readonly string[];
  readonly title: HighlightedText;
  readonly snippet: HighlightedText;
}

export interface SearchResults {
  readonly query: string;
  /** How many items match (results holds at most the limit asked for). */
  readonly total: number;
  readonly results: readonly SearchHit[];
}

export function toSearchHit(result: SearchResult): SearchHit {
  const terms = new Set(result.terms.map((term) => term.toLowerCase()));
  const stored = result as SearchResult & Partial<Omit<SearchDocument, 'id'>>;
  return {
    id: String(result.id),
    kind: stored.kind ?? 'entry',
    at: stored.at ?? '',
    href: stored.href ?? '/',
    score: result.score,
    terms: [...terms].sort(),
    title: highlightAll(stored.title ?? '', terms),
    snippet: snippet(stored.text ?? '', terms),
  };
}
