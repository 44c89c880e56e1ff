import type { Visibility } from '../../domain/syncedRecord';

const WORDS: Record<Visibility, string> = {
  private: 'Only you can see this',
  set: 'Your set can see this',
  coach: 'You and your coach can see this',
  set_and_coach: 'Your set and your coach can see this',
};

/**
 * Says in plain words who can see an item. Every participant-owned item shows one: read-only
 * here (a new entry, something shared with you); where the owner can change it, VisibilityControl
 * shows it with the real people ("Your set (6 people) can see this"), passed in as `words`.
 */
export function VisibilityNote({ visibility, words }: { readonly visibility: Visibility; readonly words?: string }) {
  return (
    <p className="visibility-note">
      <svg className="visibility-note__icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        {visibility === 'private' ? (
          <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
        ) : (
          <path d="M5 7a3 3 0 1 1 0-6 3 3 0 0 1 0 6zm6 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM0 15c0-3 2-5 5-5s5 2 5 5H0zm11-5c3 0 5 2 5 5h-4.5c0-2-.6-3.7-1.7-4.9.4-.1.8-.1 1.2-.1z" fill="currentColor" />
        )}
      </svg>
      {words ?? WORDS[visibility]}
    </p>
  );
}
