import { useLive } from '../db/useLiveRecords';
import { useSyncStatusStore } from '../state/syncStatusStore';
import { describeSyncStatus } from '../sync/describeSyncStatus';

/** The truth about where the person's writing is, in plain words. */
export function StatusLine() {
  const status = useSyncStatusStore((state) => state.status);
  const waiting = useLive((repositories) => repositories.device.pendingChangeCount()) ?? 0;
  return (
    <p className="status-line" role="status" aria-live="polite">
      {describeSyncStatus(status, waiting)}
    </p>
  );
}
