import { create } from 'zustand';

/**
 * What this tab knows about sync, for the status line. `waiting` (changes not yet on the
 * server) is read live from the outbox by the status line itself.
 */
export type SyncStatus =
  | { readonly kind: 'local-only' }
  | { readonly kind: 'syncing' }
  | { readonly kind: 'synced'; readonly at: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'sign-in-needed' }
  | { readonly kind: 'retrying'; readonly message: string; readonly nextAttemptAt: string };

interface SyncStatusState {
  readonly status: SyncStatus;
  setStatus(status: SyncStatus): void;
}

export const useSyncStatusStore = create<SyncStatusState>((set) => ({
  status: { kind: 'local-only' },
  setStatus: (status) => set({ status }),
}));
