import { useCallback, useRef, useState } from 'react';
import { useAutosave } from '../ui/useAutosave';

/**
 * Text fields of one record, edited in place and saved to the device as they are typed.
 * Only the fields the person has typed in (at any point) are written: a field they never
 * touched keeps whatever arrived meanwhile from another device (e.g. the presenter adding to
 * their round while the facilitator types the questions).
 */
export function useAutosavedFields<T extends Record<string, string>>(
  initial: T,
  save: (changes: Partial<T>) => Promise<unknown>,
  options: { enabled?: boolean } = {},
) {
  const [values, setValues] = useState<T>(initial);
  const touched = useRef(new Set<keyof T>());
  const autosave = useAutosave(
    values,
    async (latest) => {
      const changes: Partial<T> = {};
      for (const key of touched.current) changes[key] = latest[key];
      await save(changes);
    },
    options,
  );
  const setField = useCallback((name: keyof T, value: string) => {
    touched.current.add(name);
    setValues((current) => ({ ...current, [name]: value }));
  }, []);
  return { values, setField, state: autosave.state, error: autosave.error, flush: autosave.flush };
}
