import { useEffect, useState } from 'react';
import { formatBytes, readStorageFacts, requestPersistentStorage, type StorageFacts } from '../platform/storagePersistence';

/** Whether the browser will keep Setwise's data, and how much room it takes. */
export function StorageFactsSection() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [refused, setRefused] = useState(false);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    let active = true;
    void readStorageFacts().then((read) => {
      if (active) setFacts(read);
    });
    return () => {
      active = false;
    };
  }, []);

  async function askToKeep() {
    setAsking(true);
    const granted = await requestPersistentStorage();
    setFacts(await readStorageFacts());
    setRefused(!granted);
    setAsking(false);
  }

  return (
    <section aria-labelledby="storage-heading" className="card">
      <h2 id="storage-heading">Storage on this device</h2>
      {facts === null ? null : !facts.supported || facts.persisted === null ? (
        <p>This browser does not say whether it will keep Setwise's data. Export your work from time to time to be safe.</p>
      ) : facts.persisted ? (
        <p>Persistent — your browser will not clear Setwise's data to free space.</p>
      ) : (
        <>
          <p>
            Not yet persistent — if this device runs short of space, your browser could clear Setwise's data. Ask it to keep
            your data here.
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={asking} onClick={() => void askToKeep()}>
              Keep my data on this device
            </button>
          </div>
          {refused ? (
            <p role="status">
              Your browser said not yet. Browsers often agree once you have used Setwise for a while, or added it to your home
              screen.
            </p>
          ) : null}
        </>
      )}
      {facts?.usageBytes != null ? (
        <p>
          Setwise is using {formatBytes(facts.usageBytes)}
          {facts.quotaBytes != null ? ` of about ${formatBytes(facts.quotaBytes)} available.` : '.'}
        </p>
      ) : null}
    </section>
  );
}
