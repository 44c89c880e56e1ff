import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'wouter';
import type { SearchResults } from '../db/repositories/searchRepository';
import { useRepositories } from '../db/RepositoryContext';
import { PageHeader } from '../ui/PageHeader';
import './search.css';
import { SearchResultList } from './SearchResultList';

const LIMIT = 50;

/**
 * Search everything the person has written — log entries, trials, meeting notes, coaching
 * notes — on the device, offline, as they type. The query is kept in the address (?q=), so
 * coming back from a result shows the same results.
 */
export function SearchPage() {
  const repositories = useRepositories();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  // Bumped whenever the index changes, so results follow edits made meanwhile (another tab, sync).
  const [revision, setRevision] = useState(0);
  const [found, setFound] = useState<SearchResults | null>(null);
  const [failed, setFailed] = useState(false);
  const id = useId();

  useEffect(() => repositories.search.subscribe(() => setRevision((value) => value + 1)), [repositories]);

  useEffect(() => {
    let current = true;
    repositories.search.search(query, { limit: LIMIT }).then(
      (results) => {
        if (!current) return;
        setFound(results);
        setFailed(false);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [repositories, query, revision]);

  function change(value: string) {
    setQuery(value);
    setParams(value.trim() ? { q: value } : {}, { replace: true });
  }

  const trimmed = query.trim();
  const shown = found && found.query !== '' ? found : null;
  return (
    <>
      <PageHeader title="Search" />
      <form className="search-form" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-query`} className="field__label">
            Search your writing
          </label>
          <p id={`${id}-hint`} className="field__hint">
            Log entries, trials, meeting notes and coaching notes — on this device, even offline.
          </p>
          <input
            id={`${id}-query`}
            type="search"
            value={query}
            autoComplete="off"
            enterKeyHint="search"
            aria-describedby={`${id}-hint`}
            // The page is for searching: the field is where the person starts.
            autoFocus
            onChange={(event) => change(event.target.value)}
          />
        </div>
      </form>
      {failed ? (
        <p className="field__error" role="alert">
          Search is not available on this device just now. Your writing is safe; try again in a moment.
        </p>
      ) : trimmed === '' ? null : shown === null ? (
        <p className="search-status" role="status">
          Getting your writing ready to search…
        </p>
      ) : (
        <SearchResultList results={shown} />
      )}
    </>
  );
}
