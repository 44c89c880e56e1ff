import { useEffect, useId, useRef, useState } from 'react';
import { useAccountServices } from '../account/AccountContext';
import { useAccountNoticeStore } from '../account/accountNoticeStore';
import { signOutOfThisDevice } from '../account/signOutOfThisDevice';
import { useWritingOnlyOnThisDevice } from '../account/useWritingOnlyOnThisDevice';
import { totalOnlyOnThisDevice, writingOnlyOnThisDevice, type WritingOnlyOnThisDevice } from '../account/writingOnlyOnThisDevice';
import { FormError } from '../ui/FormError';
import { flushPendingSaves } from '../ui/pendingSaves';
import { SignOutUnsyncedWarning } from './SignOutUnsyncedWarning';

type Choice = 'keep' | 'remove';

/** Whether anything is only on this device now that was not when the person chose. */
function moreThanShown(now: WritingOnlyOnThisDevice, shown: WritingOnlyOnThisDevice): boolean {
  return now.changes > shown.changes || now.photos > shown.photos || now.drafts > shown.drafts || now.setAside > shown.setAside;
}

interface SignOutDialogProps {
  /** False when sync cannot run now (the sign-in has expired): no "Sync now" to offer. */
  readonly canSync: boolean;
  readonly onClose: () => void;
}

/**
 * Signing out is one deliberate step: keep the writing here (the default) or remove it, for a
 * shared tablet. Before anything is removed the dialog says what is only on this device —
 * changes and photos not yet sent, unfinished drafts, changes the server did not accept — and
 * offers "Sync now" and "Download everything I wrote"; removing it all the same takes "Remove
 * anyway". Nothing written after the person looked is removed without them seeing it first.
 * A native modal <dialog>: the browser keeps focus inside it, makes the page behind inert and
 * closes it on Escape.
 */
export function SignOutDialog({ canSync, onClose }: SignOutDialogProps) {
  const { api, services } = useAccountServices();
  const tell = useAccountNoticeStore((state) => state.tell);
  const onlyHere = useWritingOnlyOnThisDevice();
  const [choice, setChoice] = useState<Choice>('keep');
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

  const waiting = onlyHere ? totalOnlyOnThisDevice(onlyHere) : 0;
  const removing = choice === 'remove';
  // Until the counts are read, removing cannot be judged safe.
  const removeBlocked = busy || (removing && (onlyHere === undefined || waiting > 0));

  async function signOut(remove: boolean) {
    setBusy(true);
    setError(null);
    try {
      if (remove) {
        // Typing still on its way to the device counts too: it is on the device once flushed.
        await flushPendingSaves();
        const now = await writingOnlyOnThisDevice(services.db);
        if (!onlyHere || moreThanShown(now, onlyHere)) {
          setError('Something new was written on this device while this was open. Nothing has been removed: check what is said above, then choose again.');
          setBusy(false);
          return;
        }
      }
      await signOutOfThisDevice(api, { removeLocalData: remove });
      tell(
        remove
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
      {onlyHere && waiting > 0 ? (
        <SignOutUnsyncedWarning writing={onlyHere} canSync={canSync} sentenceId={`${id}-warning`} />
      ) : onlyHere ? (
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
        <p className="field__hint">
          For a tablet other people use: nothing of yours stays on it. What has reached the server stays safe there.
        </p>
      </fieldset>
      {removing && waiting > 0 ? (
        <div className="warning">
          <p id={`${id}-anyway`}>
            To keep what is only on this device, sync it or download it first. Or remove it anyway: it cannot be brought back.
          </p>
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={busy} aria-describedby={`${id}-anyway`} onClick={() => void signOut(true)}>
              {busy ? 'Removing…' : 'Remove anyway'}
            </button>
          </div>
        </div>
      ) : null}
      <FormError message={error} />
      <div className="button-row">
        <button
          type="button"
          className={removing ? 'button button--danger' : 'button button--primary'}
          disabled={removing ? removeBlocked : busy}
          onClick={() => void signOut(removing)}
        >
          {busy ? (removing ? 'Removing…' : 'Signing out…') : removing ? 'Sign out and remove my writing' : 'Sign out'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
