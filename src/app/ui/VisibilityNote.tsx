import type { Visibility } from '../../domain/syncedRecord';

const WORDS: Record<Visibility, string> = {
  private: 'Only you can see this',
  set: 'Your set can see this',
  coach: 'You and your coach can see this',
  set_and_coach: 'Your set and your coach can see this',
};

/** Says in plain words who can see an item. Every participant-owned item shows one. */
export function VisibilityNote({ visibility }: { readonly visibility: Visibility }) {
  return (
    <p className="visibility-note">
      <span aria-hidden="true">{visibility === 'private' ? '🔒 ' : '👥 '}</span>
      {WORDS[visibility]}
    </p>
  );
}
