import type { AutosaveState } from './useAutosave';

const WORDS: Record<AutosaveState, string> = {
  idle: '',
  pending: 'Saving…',
  saving: 'Saving…',
  saved: 'Saved on this device',
  error: 'Not saved',
};

/** "Saved on this device" — never a spinner; errors say what went wrong. */
export function SavedIndicator({ state, error, idleText = '' }: { state: AutosaveState; error?: string | null; idleText?: string }) {
  const text = state === 'idle' ? idleText : WORDS[state];
  return (
    <p className={state === 'error' ? 'saved-indicator saved-indicator--error' : 'saved-indicator'} aria-live="polite">
      {state === 'error' && error ? `Not saved: ${error}` : text}
    </p>
  );
}
