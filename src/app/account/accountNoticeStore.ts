import { create } from 'zustand';

/**
 * What just happened to the account on this device ("Signed in as …", "Signed out …"), told
 * once in Settings. It lives outside React because signing in or out switches the local
 * database, which remounts every screen: component state would vanish with the old one.
 * In memory only, so a reload forgets it.
 */
export interface AccountNotice {
  readonly id: number;
  readonly message: string;
}

interface AccountNoticeState {
  readonly notice: AccountNotice | null;
  /** The last notice given focus, so a remount (or StrictMode's second effect run) does not move focus again. */
  readonly focusedId: number;
  tell(message: string): void;
  markFocused(id: number): void;
  dismiss(): void;
}

let nextId = 1;

export const useAccountNoticeStore = create<AccountNoticeState>((set) => ({
  notice: null,
  focusedId: 0,
  tell: (message) => set({ notice: { id: nextId++, message } }),
  markFocused: (id) => set({ focusedId: id }),
  dismiss: () => set({ notice: null }),
}));

/** "Signed in as Priya Shah — 2 entries written on this device are now yours and will sync." */
export function signedInMessage(displayName: string, adopted: number): string {
  if (adopted === 0) return `Signed in as ${displayName}.`;
  const entries = adopted === 1 ? '1 entry written on this device is' : `${adopted.toLocaleString('en-GB')} entries written on this device are`;
  return `Signed in as ${displayName} — ${entries} now yours and will sync.`;
}
