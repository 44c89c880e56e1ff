import { useCallback, useEffect, useRef, useState } from 'react';
import { registerPendingSave } from './pendingSaves';

export type AutosaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves `value` a short moment after it stops changing (and at once when the page is hidden
 * or about to reload). `save` must be idempotent. Returns the state for a "Saved on this
 * device" indicator and a `flush` to call before leaving the form.
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<void>,
  options: { delayMs?: number; enabled?: boolean } = {},
): { state: AutosaveState; error: string | null; flush: () => Promise<void> } {
  const { delayMs = 300, enabled = true } = options;
  const [state, setState] = useState<AutosaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<{ value: T; dirty: boolean }>({ value, dirty: false });
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const timer = useRef<number | undefined>(undefined);
  // The value last saved or loaded, serialised: a change back to it (or the value the form
  // was loaded with) is not a change worth a write or a "Saving…".
  const baseline = useRef<string | null>(null);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    if (!latest.current.dirty) return;
    latest.current.dirty = false;
    setState('saving');
    try {
      await saveRef.current(latest.current.value);
      setError(null);
      setState(latest.current.dirty ? 'pending' : 'saved');
    } catch (caught) {
      latest.current.dirty = true;
      setError(caught instanceof Error ? caught.message : 'Could not save on this device.');
      setState('error');
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const serialised = JSON.stringify(value);
    if (baseline.current === null || serialised === baseline.current) {
      baseline.current = serialised;
      return;
    }
    baseline.current = serialised;
    latest.current = { value, dirty: true };
    setState('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), delayMs);
  }, [value, enabled, delayMs, flush]);

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
