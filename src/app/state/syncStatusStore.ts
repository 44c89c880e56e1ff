import { create } from 'zustand';

/**
 * What the status line says about sync. Until accounts and the sync server arrive, every
 * change is kept on this device only, and the line says exactly that.
 */
export type SyncStatus = { kind: 'local-only' };

interface SyncStatusState {
  readonly status: SyncStatus;
}

export const useSyncStatusStore = create<SyncStatusState>(() => ({
  status: { kind: 'local-only' },
}));
