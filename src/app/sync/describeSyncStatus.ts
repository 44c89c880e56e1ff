import type { SyncStatus } from '../state/syncStatusStore';

function time(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function changes(count: number): string {
  return count === 1 ? '1 change waiting' : `${count} changes waiting`;
}

/**
 * The status line, in the person's words (UX.md): always the truth about where their writing
 * is — never "mutation", never a modal about the network.
 */
export function describeSyncStatus(status: SyncStatus, waiting: number): string {
  switch (status.kind) {
    case 'local-only':
      return 'Saved on this device';
    case 'sign-in-needed':
      return waiting > 0 ? `Sign in to sync — ${changes(waiting)}` : 'Sign in to sync';
    case 'syncing':
      return 'Syncing…';
    case 'synced':
      return waiting > 0 ? `Synced ${time(status.at)} — ${changes(waiting)}` : `Synced ${time(status.at)}`;
    case 'offline':
      return waiting > 0 ? `Offline — ${changes(waiting)}` : 'Offline — everything is saved on this device';
    case 'retrying':
      return waiting > 0 ? `Not synced yet — will try again (${changes(waiting)})` : 'Not synced yet — will try again';
  }
}
