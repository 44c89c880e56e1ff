import { useCallback, useEffect, useState } from 'react';
import { CohortApiError, cohortFailureMessage } from './cohortApi';

export type ServerAnswer<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'failed'; readonly message: string; readonly offline: boolean };

interface Settled<T> {
  readonly key: string;
  readonly answer: ServerAnswer<T>;
}

/**
 * One answer from the server (the invitations list, the overview) for what `deps` name, with
 * `reload` to ask again. While asking again the last answer stays on screen (`refreshing`).
 */
export function useServerAnswer<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const key = JSON.stringify(deps);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> & { readonly attempt: number }>();

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setSettled({ key, attempt, answer: { state: 'ready', data } });
      },
      (caught: unknown) => {
        if (cancelled) return;
        const offline = caught instanceof CohortApiError && caught.offline;
        setSettled({ key, attempt, answer: { state: 'failed', message: cohortFailureMessage(caught), offline } });
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` reads in `deps`
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const answer: ServerAnswer<T> = settled && settled.key === key ? settled.answer : { state: 'loading' };
  const refreshing = settled !== undefined && settled.key === key && settled.attempt !== attempt;
  return { answer, refreshing, reload };
}
