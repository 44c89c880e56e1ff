import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import type { SearchResults } from '../db/repositories/searchRepository';
import { Highlighted } from './Highlighted';
import { SEARCH_KIND_WORDS } from './searchDocuments';

function countWords(results: SearchResults): string {
  const { total } = results;
  if (total <= results.results.length) return `${total.toLocaleString('en-GB')} ${total === 1 ? 'match' : 'matches'}`;
  return `The best ${results.results.length} of ${total.toLocaleString('en-GB')} matches — add a word to narrow them down`;
}

/** The count, then each result: what it is, when, its title and a snippet, matches marked. */
export function SearchResultList({ results }: { readonly results: SearchResults }) {
  if (results.total === 0) {
    return (
      <div role="status">
        <p>No matches for “{results.query}”.</p>
        <p className="muted">Try fewer letters, or another word you might have used.</p>
      </div>
    );
  }
  return (
    <>
      <p className="search-status" role="status">
        {countWords(results)}
      </p>
      <ol className="search-results" aria-label="Search results">
        {results.results.map((hit) => (
          <li key={hit.id}>
            <Link href={hit.href} className="search-result">
              <span className="search-result__meta">
                {SEARCH_KIND_WORDS[hit.kind]}
                {hit.at ? ` · ${formatUkDate(hit.at)}` : ''}
              </span>
              <span className="search-result__title">
                <Highlighted value={hit.title} />
              </span>
              {hit.snippet.text ? (
                <span className="search-result__snippet">
                  <Highlighted value={hit.snippet} />
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
