import { useLive } from '../db/useLiveRecords';

/** What is waiting to sync, and the honest truth that sync has not arrived yet. */
export function SyncSection() {
  const waiting = useLive((repositories) => repositories.device.pendingChangeCount());
  return (
    <section aria-labelledby="sync-heading" className="card">
      <h2 id="sync-heading">Sync</h2>
      {waiting === undefined ? null : (
        <p>
          {waiting === 0
            ? 'No changes waiting to sync.'
            : `${waiting.toLocaleString('en-GB')} ${waiting === 1 ? 'change' : 'changes'} waiting to sync.`}
        </p>
      )}
      <p>
        Sync and sign-in arrive in a later version of Setwise. For now, everything you write stays on this device only — it is
        not copied anywhere else.
      </p>
    </section>
  );
}
