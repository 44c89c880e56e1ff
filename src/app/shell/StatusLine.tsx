import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useAccountStore } from '../account/accountStore';
import { useLive } from '../db/useLiveRecords';
import { useSyncStatusStore } from '../state/syncStatusStore';
import { describeSyncStatus } from '../sync/describeSyncStatus';

const SIGN_IN = 'Sign in to sync';

/**
 * The truth about where the person's writing is, in plain words. When signing in is what
 * would get their writing moving — the sign-in expired, or they wrote while signed out — the
 * words "Sign in to sync" lead to Settings, where they can.
 */
export function StatusLine() {
  const status = useSyncStatusStore((state) => state.status);
  const signedOut = useAccountStore((state) => state.account === null);
  const waiting = useLive((repositories) => repositories.device.pendingChangeCount()) ?? 0;
  const text = describeSyncStatus(status, waiting);
  const link = (
    <Link href="/settings" className="status-line__link">
      {SIGN_IN}
    </Link>
  );

  let content: ReactNode = text;
  if (status.kind === 'sign-in-needed') {
    // "Sign in to sync — 3 changes waiting": the first words become the link.
    content = text.startsWith(SIGN_IN) ? (
      <>
        {link}
        {text.slice(SIGN_IN.length)}
      </>
    ) : (
      <Link href="/settings" className="status-line__link">
        {text}
      </Link>
    );
  } else if (signedOut && waiting > 0) {
    content = (
      <>
        {text} — {link}
      </>
    );
  }

  return (
    <p className="status-line" role="status" aria-live="polite">
      {content}
    </p>
  );
}
