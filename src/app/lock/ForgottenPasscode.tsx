import { useEffect, useId, useState } from 'react';
import { FormError } from '../ui/FormError';
import type { LockController } from './createLockController';

interface ForgottenPasscodeProps {
  readonly controller: LockController;
  readonly signedIn: boolean;
  readonly onForgotten: () => Promise<void>;
  readonly onCancel: () => void;
}

/**
 * There is no back door: the writing on this tablet can only be opened with the passcode.
 * Signed in, the way back is to remove this tablet's copy, sign in again and download what
 * the server holds — only changes not yet synced are lost, and the count says how many.
 */
export function ForgottenPasscode({ controller, signedIn, onForgotten, onCancel }: ForgottenPasscodeProps) {
  const id = useId();
  const [pending, setPending] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void controller.pendingChangeCount().then(setPending);
  }, [controller]);

  const unsynced =
    pending === null
      ? ''
      : pending === 0
        ? 'Everything on this tablet had reached the server, so nothing is lost.'
        : `${pending} ${pending === 1 ? 'change' : 'changes'} made on this tablet had not reached the server yet and will be lost.`;

  async function startAgain() {
    setBusy(true);
    setError(null);
    try {
      await onForgotten();
    } catch {
      setError('This tablet’s copy could not be removed. Nothing has changed — try again.');
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="lock-screen__forgotten">
      <h2 id={`${id}-heading`}>Forgotten your passcode?</h2>
      <p>Nobody can open the writing on this tablet without the passcode — not even Setwise. There is no way round it.</p>
      {signedIn ? (
        <p>
          You can remove this tablet’s locked copy and sign in again: everything you synced downloads from the server. {unsynced}
        </p>
      ) : (
        <p>
          You are not signed in, so nothing from this tablet is on the server. Removing the locked copy removes that writing for
          good.
        </p>
      )}
      <FormError message={error} />
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => void startAgain()} disabled={busy}>
          {busy ? 'Removing…' : signedIn ? 'Remove this copy and sign in again' : 'Remove this tablet’s writing'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Back
        </button>
      </div>
    </section>
  );
}
