import { formatUkDateTime, toIsoDate } from '../../domain/dates';
import { useAccountServices } from '../account/AccountContext';
import type { Account } from '../account/accountStore';
import { useLive } from '../db/useLiveRecords';
import { SignOutControl } from './SignOutControl';

/** "today at 10:42" for today, else "14 May 2026, 10:42" (local time). */
export function lastSyncedText(iso: string | null, now = new Date()): string {
  if (iso === null) return 'Not yet';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return 'Not yet';
  if (toIsoDate(when) !== toIsoDate(now)) return formatUkDateTime(iso);
  return `Today at ${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
}

export function waitingText(count: number): string {
  if (count === 0) return 'Nothing — everything has reached the server';
  return count === 1 ? '1 change' : `${count.toLocaleString('en-GB')} changes`;
}

/** Who is signed in here, when this device last synced, what waits, and the two actions. */
export function SignedInPanel({ account }: { readonly account: Account }) {
  const { services } = useAccountServices();
  const lastSynced = useLive((repositories) => repositories.device.lastSyncedAt());
  const waiting = useLive((repositories) => repositories.device.pendingChangeCount());
  return (
    <>
      <dl className="facts">
        <dt>Signed in as</dt>
        <dd>
          {account.displayName} <span className="muted">({account.email})</span>
        </dd>
        <dt>Last synced</dt>
        <dd>{lastSynced === undefined ? '…' : lastSyncedText(lastSynced)}</dd>
        <dt>Waiting to sync</dt>
        <dd>{waiting === undefined ? '…' : waitingText(waiting)}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => services.engine?.requestSync()}>
          Sync now
        </button>
        <SignOutControl canSync={services.engine !== null} />
      </div>
    </>
  );
}
