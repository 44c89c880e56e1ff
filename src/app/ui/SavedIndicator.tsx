import type { AutosaveState } from './useAutosave';

/**
 * "Saved on this device" — never a spinner. Writes take milliseconds, so while typing the
 * line keeps saying "Saved on this device" instead of flickering (and a screen reader is not
 * told about every keystroke); only a failure changes it, and says what went wrong.
 */
export function SavedIndicator({ state, error, idleText = '' }: { state: AutosaveState; error?: string | null; idleText?: string }) {
  const failed = state === 'error';
  const text = failed ? `Not saved: ${error ?? 'this device could not store it.'}` : state === 'idle' ? idleText : 'Saved on this device';
  return (
    <p className={failed ? 'saved-indicator saved-indicator--error' : 'saved-indicator'} aria-live="polite">
      {text}
    </p>
  );
}
