import { version } from '../../../package.json';
import { PageHeader } from '../ui/PageHeader';
import { StorageFactsSection } from './StorageFactsSection';
import { SyncSection } from './SyncSection';

/** Settings: where the data lives on this device, what waits to sync, which version this is. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <StorageFactsSection />
      <SyncSection />
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">About</h2>
        <p>Setwise version {version}</p>
      </section>
    </>
  );
}
