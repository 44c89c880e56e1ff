import { useEffect, useId, useRef, useState } from 'react';
import { useAccountServices } from '../account/AccountContext';
import { useAccountNoticeStore } from '../account/accountNoticeStore';
import { signOutOfThisDevice } from '../account/signOutOfThisDevice';
import { useLive } from '../db/useLiveRecords';
import { FormError } from '../ui/FormError';

type Choice = 'keep' | 'remove';

function notYetOnServer(count: number): string {
  return count === 1
    ? '1 change has not reached the server yet. If you remove it from this device now it is lost.'
    : `${count.toLocaleString('en-GB')} changes have not reached the server yet. If you remove them from this device now they are lost.`;
}

interface SignOutDialogProps {
  /** False when sync cannot run now (the sign-in has expired): no "Sync now" to offer. */
  readonly canSync: boolean;
  readonly onClose: () => void;
}

/**
 * Signing out is one deliberate step: keep the writing here (the default) or remove it, for a
 * shared tablet. Removing changes that never reached the server would lose them, so that needs
 * "I understand" first, and "Sync now" is offered before it. A native modal <dialog>: the
 * browser keeps focus inside it, makes the page behind inert and closes it on Escape.
 */
export function SignOutDialog({ canSync, onClose }: SignOutDialogProps) {
  const { api, services } = useAccountServices();
  const tell = useAccountNoticeStore((state) => state.tell);
  const pending = useLive((repositories) => repositories.device.pendingChangeCount());
  const [choice, setChoice] = useState<Choice>('keep');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Browsers without showModal (and jsdom) still get an open, labelled dialog.
    const modal = typeof dialog.showModal === 'function';
    if (modal && !dialog.open) dialog.showModal();
    else dialog.open = true;
    keepRef.current?.focus();
    return () => {
      if (modal && dialog.open) dialog.close();
      else dialog.open = false;
    };
  }, []);

  const waiting = pending ?? 0;
  const removing = choice === 'remove';
  // Until the count is read, removing cannot be judged safe.
  const confirmBlocked = busy || (removing && (pending === undefined || (waiting > 0 && !understood)));

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await signOutOfThisDevice(api, { removeLocalData: removing });
      tell(
        removing
          ? 'Signed out, and your writing was removed from this device.'
          : 'Signed out. Your writing is still on this device and syncs again when you sign in.',
      );
    } catch (caught) {
      const reason = caught instanceof Error && caught.message ? ` (${caught.message})` : '';
      setError(`This device could not finish signing out${reason}. Try again.`);
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={waiting > 0 ? `${id}-warning` : undefined}
      onCancel={(event) => {
        // Escape: close through React, so focus goes back to "Sign out" (never mid sign-out).
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={`${id}-title`}>Sign out on this device?</h2>
      {waiting > 0 ? (
        <div className="warning">
          <p id={`${id}-warning`}>{notYetOnServer(waiting)}</p>
          {canSync ? (
            <div className="button-row">
              <button type="button" className="button" onClick={() => services.engine?.requestSync()}>
                Sync now
              </button>
            </div>
          ) : (
            <p>Sign in again first to send them to the server.</p>
          )}
        </div>
      ) : pending === 0 ? (
        <p>Everything you wrote here has reached the server.</p>
      ) : null}
      <fieldset>
        <legend>Your writing on this device</legend>
        <label className="choice">
          <input ref={keepRef} type="radio" name={`${id}-choice`} checked={!removing} onChange={() => setChoice('keep')} />
          Keep my writing on this device
        </label>
        <p className="field__hint">It stays here for when you sign in again, and syncs then.</p>
        <label className="choice">
          <input type="radio" name={`${id}-choice`} checked={removing} onChange={() => setChoice('remove')} />
          Remove my writing from this device (shared tablet)
        </label>
        <p className="field__hint">For a tablet other people use. What has reached the server stays safe there.</p>
      </fieldset>
      {removing && waiting > 0 ? (
        <label className="choice">
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
          I understand — {waiting === 1 ? 'this change' : 'these changes'} will be lost
        </label>
      ) : null}
      <FormError message={error} />
      <div className="button-row">
        <button
          type="button"
          className={removing ? 'button button--danger' : 'button button--primary'}
          disabled={confirmBlocked}
          onClick={() => void signOut()}
        >
          {busy ? 'Signing out…' : removing ? 'Sign out and remove my writing' : 'Sign out'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
