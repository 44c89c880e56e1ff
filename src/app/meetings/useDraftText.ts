import { useEffect, useRef, useState } from 'react';
import { useRepositories } from '../db/RepositoryContext';
import { useAutosave } from '../ui/useAutosave';

/**
 * Text typed into a small "add" box (an action, a comment) before it is added, kept as a
 * device-only draft so a sleeping tablet or a reload loses nothing (decision 003). The box
 * is usable at once: a draft that loads after the person has started typing is not restored
 * over their words.
 */
export function useDraftText(key: string) {
  const repositories = useRepositories();
  const [text, setText] = useState('');
  const typed = useRef(false);
  useEffect(() => {
    let current = true;
    void repositories.drafts.get(key).then((value) => {
      if (current && !typed.current && typeof value === 'string') setText(value);
    });
    return () => {
      current = false;
    };
  }, [repositories, key]);
  const autosave = useAutosave(text, async (latest) => {
    if (latest === '') await repositories.drafts.remove(key);
    else await repositories.drafts.put(key, latest);
  });
  return {
    text,
    setText: (value: string) => {
      typed.current = true;
      setText(value);
    },
    state: autosave.state,
    error: autosave.error,
  };
}
