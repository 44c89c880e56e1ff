import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingSave } from './pendingSaves';

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves `value` whenever it changes: at once if no save is running, otherwise as soon as the
 * running one finishes (only the latest value is written; keystrokes in between fold into it).
 * So a keystroke is on the device within one IndexedDB write, and there is never more than one
 * write in flight. `delayMs` > 0 debounces instead. Pending saves are also flushed when the
 * page is hidden, the form unmounts, or the app reloads into a new version.
 * `save` must be idempotent. `savedValue`: what the store holds when saving is enabled; without
 * it the first value seen is taken to be saved already (right for a form filled from the store,
 * wrong for one the person could type into before the store was read).
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<void>,
  options: { delayMs?: number; enabled?: boolean; savedValue?: T } = {},
): { state: AutosaveState; error: string | null; flush: () => Promise<void> } {
  const { delayMs = 0, enabled = true, savedValue } = options;
  const [state, setState] = useState<AutosaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<{ value: T; dirty: boolean }>({ value, dirty: false });
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const timer = useRef<number | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  // The last value seen, serialised: a render that does not change it is not worth a write.
  const baseline = useRef<string | null>(null);

  /** Writes until nothing is dirty. Invariant: at most one loop (so one write) at a time. */
  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    if (running.current) return running.current;
    if (!latest.current.dirty) return Promise.resolve();
    running.current = (async () => {
      try {
        while (latest.current.dirty) {
          latest.current.dirty = false;
          setState('saving');
          try {
            await saveRef.current(latest.current.value);
          } catch (caught) {
            latest.current.dirty = true;
            setError(caught instanceof Error ? caught.message : 'Could not save on this device.');
            setState('error');
            return;
          }
        }
        setError(null);
        setState('saved');
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const serialised = JSON.stringify(value);
    if (baseline.current === null) baseline.current = savedValue === undefined ? serialised : JSON.stringify(savedValue);
    if (serialised === baseline.current) return;
    baseline.current = serialised;
    latest.current = { value, dirty: true };
    if (delayMs > 0) {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    } else {
      void flush();
    }
  }, [value, enabled, delayMs, flush, savedValue]);

  useEffect(() => {
    const unregister = registerPendingSave(flush);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onHide);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  return { state, error, flush };
}
