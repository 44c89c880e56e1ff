import { useLive } from '../db/useLiveRecords';
import { useSyncStatusStore } from '../state/syncStatusStore';

/** The truth about where the person's writing is, in plain words. */
export function StatusLine() {
  const status = useSyncStatusStore((state) => state.status);
  const waiting = useLive((repositories) => repositories.device.pendingChangeCount());
  let text = 'Saved on this device';
  if (status.kind === 'local-only' && waiting !== undefined && waiting > 0) {
    text = 'Saved on this device · sync arrives with sign-in';
  }
  return (
    <p className="status-line" role="status" aria-live="polite">
      {text}
    </p>
  );
}
