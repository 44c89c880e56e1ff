import { version } from '../../../package.json';
import { PasscodeSection } from '../lock/PasscodeSection';
import { PageHeader } from '../ui/PageHeader';
import { AccountSection } from './AccountSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { ExportSection } from './ExportSection';
import { RestoreSection } from './RestoreSection';
import { SetAsideChangesSection } from './SetAsideChangesSection';
import { StorageFactsSection } from './StorageFactsSection';

/** Settings: account and sync, where the data lives on this device, which version this is. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <AccountSection />
      <PasscodeSection />
      <SetAsideChangesSection />
      <StorageFactsSection />
      <ExportSection />
      <RestoreSection />
      <DeleteAccountSection />
      <section aria-labelledby="about-heading" className="card">
        <h2 id="about-heading">About</h2>
        <p>Setwise version {version}</p>
      </section>
    </>
  );
}
