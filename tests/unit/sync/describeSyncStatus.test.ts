import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/app/state/syncStatusStore';
import { describeSyncStatus } from '../../../src/app/sync/describeSyncStatus';
import { retryDelayMs } from '../../../src/app/sync/retryDelay';

const at = new Date(2026, 4, 14, 10, 42).toISOString();

describe('the status line always says where the writing is', () => {
  const cases: [string, SyncStatus, number, string][] = [
    ['signed out', { kind: 'local-only' }, 3, 'Saved on this device'],
    ['synced, nothing waiting', { kind: 'synced', at }, 0, 'Synced 10:42'],
    ['synced, then more written', { kind: 'synced', at }, 2, 'Synced 10:42 — 2 changes waiting'],
    ['offline with changes', { kind: 'offline' }, 12, 'Offline — 12 changes waiting'],
    ['offline with one change', { kind: 'offline' }, 1, 'Offline — 1 change waiting'],
    ['offline, all synced', { kind: 'offline' }, 0, 'Offline — everything is saved on this device'],
    ['syncing', { kind: 'syncing' }, 4, 'Syncing…'],
    ['session expired', { kind: 'sign-in-needed' }, 5, 'Sign in to sync — 5 changes waiting'],
    ['server trouble', { kind: 'retrying', message: 'x', nextAttemptAt: at }, 1, 'Not synced yet — will try again (1 change waiting)'],
  ];
  it.each(cases)('%s', (_name, status, waiting, expected) => {
    expect(describeSyncStatus(status, waiting)).toBe(expected);
  });
});

describe('retry delays', () => {
  it('double from 2 s up to 5 minutes, with jitter between half and all of the step', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(20, () => 1)).toBe(300_000);
    expect(retryDelayMs(3, () => 0)).toBe(4000);
  });
});
