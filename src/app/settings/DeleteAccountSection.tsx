import { useId, useState } from 'react';
import { useAccountServices } from '../account/AccountContext';
import { AccountError } from '../account/accountApi';
import { useAccountNoticeStore } from '../account/accountNoticeStore';
import { useAccountStore } from '../account/accountStore';
import { deleteAccountAndData, isDeleteConfirmation, type DeleteAccountApi } from '../account/deleteAccount';
import { DELETE_ACCOUNT_PHRASE } from '../../domain/account/accountDeletion';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

/**
 * "Delete my account and data", signed in only: what goes and what stays said plainly, then one
 * deliberate step — the phrase typed, an explicit choice about the set's meeting notes — and the
 * server deletes everything in one go before this device signs out and removes its copy.
 * `api` is for tests; the app uses the real server.
 */
export function DeleteAccountSection({ api }: { readonly api?: DeleteAccountApi }) {
  const account = useAccountStore((state) => state.account);
  const { api: accountApi } = useAccountServices();
  const tell = useAccountNoticeStore((state) => state.tell);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [removeMyMeetingAdditions, setRemoveMyMeetingAdditions] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (!account) return null;

  const confirmed = isDeleteConfirmation(typed);
  const hint = `Type “${DELETE_ACCOUNT_PHRASE}”.`;

  async function deleteEverything() {
    setBusy(true);
    setError(null);
    try {
      await deleteAccountAndData(accountApi, { removeMyMeetingAdditions, ...(api ? { api } : {}) });
      tell('Your account and everything you wrote have been deleted, from the server and from this device.');
    } catch (caught) {
      setError(caught instanceof AccountError ? caught.message : 'Your account could not be deleted. Nothing has changed — try again.');
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Delete my account and data</h2>
      <p>
        This deletes your Setwise account and everything you own on the server: your journal, challenge and its history,
        trials, measures, photos, comments, diagnostics and posters, and the coaching notes about you. People you shared
        something with stop seeing it at their next sync.
      </p>
      <p>
        Your set’s meeting notes belong to the set, so they stay, with your name replaced by “Former member”. You choose below
        whether what you added to your own rounds stays too.
      </p>
      <p>
        <strong>This device’s copy is removed too, and you are signed out. This cannot be undone</strong> — download everything
        you wrote first if you want to keep it.
      </p>
      {!open ? (
        <div className="button-row">
          <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
            Delete my account and data…
          </button>
        </div>
      ) : (
        <form
          aria-label="Delete my account and data"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmed && !busy) void deleteEverything();
          }}
        >
          <Field id={`${id}-phrase`} label="To confirm, type “delete my account”" hint={hint}>
            <input
              id={`${id}-phrase`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={typed}
              disabled={busy}
              aria-describedby={describedBy(`${id}-phrase`, hint)}
              onChange={(event) => setTyped(event.target.value)}
            />
          </Field>
          <label className="choice">
            <input
              type="checkbox"
              checked={removeMyMeetingAdditions}
              disabled={busy}
              onChange={(event) => setRemoveMyMeetingAdditions(event.target.checked)}
            />
            Also remove what I added to my set’s meeting notes
          </label>
          <p className="field__hint">Only your own additions to your rounds. What the facilitator wrote stays with the set.</p>
          <FormError message={error} />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={!confirmed || busy}>
              {busy ? 'Deleting…' : 'Delete my account and data'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setOpen(false);
                setTyped('');
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
