import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { InvitationPreview } from '../../domain/sets/cohortApi';
import { useAccountServices } from '../account/AccountContext';
import type { Account } from '../account/accountStore';
import { useToastStore } from '../ui/toastStore';
import { cohortFailureMessage } from './cohortApi';
import { useCohortApi } from './CohortApiContext';
import { joinedMessage } from './joinText';
import { FormError } from '../ui/FormError';

interface JoinWithThisAccountProps {
  readonly code: string;
  readonly preview: InvitationPreview;
  readonly account: Account;
}

/** Someone already signed in here (joining a second cohort, or coaching): one tap, then a sync. */
export function JoinWithThisAccount({ code, preview, account }: JoinWithThisAccountProps) {
  const api = useCohortApi();
  const { services } = useAccountServices();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const otherEmail = preview.email.toLowerCase() !== account.email.toLowerCase();

  async function join() {
    setBusy(true);
    setError(null);
    try {
      await api.acceptSignedIn({ code, role: preview.role });
      // The new membership (and the set's calendar and people) arrive with the next sync.
      services.engine?.requestSync();
      showToast({ message: joinedMessage(preview) });
      navigate('/');
    } catch (caught) {
      setError(cohortFailureMessage(caught));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="join-signed-in-heading">
      <h2 id="join-signed-in-heading">Join with this account</h2>
      <p>
        You are signed in on this device as <strong>{account.displayName}</strong> ({account.email}).
      </p>
      {otherEmail ? (
        <p className="warning">
          This invitation was sent to {preview.email}. You can still join with the account you are signed in to, or{' '}
          <Link href="/settings">sign out in Settings</Link> first and open the invitation again.
        </p>
      ) : null}
      <FormError message={error} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void join()}>
          {busy ? 'Joining…' : 'Join with this account'}
        </button>
      </div>
    </section>
  );
}
