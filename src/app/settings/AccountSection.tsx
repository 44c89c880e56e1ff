import { useEffect, useRef, useState } from 'react';
import { useAccountServices } from '../account/AccountContext';
import { useAccountNoticeStore } from '../account/accountNoticeStore';
import { useAccountStore, type Account } from '../account/accountStore';
import { SetupForm } from './SetupForm';
import { SignedInPanel } from './SignedInPanel';
import { SignInForm } from './SignInForm';
import { SignOutControl } from './SignOutControl';

/** What just happened ("Signed in as …"), focused once so it is read out after the screen remounts. */
function AccountNoticeLine() {
  const notice = useAccountNoticeStore((state) => state.notice);
  const dismiss = useAccountNoticeStore((state) => state.dismiss);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!notice || useAccountNoticeStore.getState().focusedId >= notice.id) return;
    useAccountNoticeStore.getState().markFocused(notice.id);
    ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div className="account-notice">
      <p ref={ref} tabIndex={-1} role="status">
        {notice.message}
      </p>
      <button type="button" className="button button--quiet" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** Signed out: a sign-in form, or first-run setup when the server has no accounts yet. */
function SignedOutPanel() {
  const { api } = useAccountServices();
  const [setupNeeded, setSetupNeeded] = useState(false);
  useEffect(() => {
    let active = true;
    // Offline or an old server: assume it is set up and offer sign-in (which explains itself).
    api.setupNeeded().then(
      (needed) => active && setSetupNeeded(needed),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [api]);
  return (
    <>
      <p>Everything you write is saved on this device; sign in to keep it in step across your devices and with your set.</p>
      {setupNeeded ? <SetupForm /> : <SignInForm />}
    </>
  );
}

function SessionExpiredPanel({ account }: { readonly account: Account }) {
  return (
    <>
      <p className="warning">Your sign-in has expired. Everything you wrote is safe on this device; sign in again to sync.</p>
      <SignInForm defaultEmail={account.email} />
      <p>Not you, or handing this tablet on? Sign out instead.</p>
      <div className="button-row">
        <SignOutControl canSync={false} />
      </div>
    </>
  );
}

/** Settings → Account and sync: signed out, signed in, or signed in with an expired session. */
export function AccountSection() {
  const account = useAccountStore((state) => state.account);
  const sessionExpired = useAccountStore((state) => state.sessionExpired);
  return (
    <section aria-labelledby="account-heading" className="card">
      <h2 id="account-heading">Account and sync</h2>
      <AccountNoticeLine />
      {account === null ? (
        <SignedOutPanel />
      ) : sessionExpired ? (
        <SessionExpiredPanel account={account} />
      ) : (
        <SignedInPanel account={account} />
      )}
    </section>
  );
}
