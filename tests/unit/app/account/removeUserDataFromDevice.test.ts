import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_STORAGE_KEY, databaseNameFor, useAccountStore, type Account } from '../../../../src/app/account/accountStore';
import { createAppServices } from '../../../../src/app/account/createAppServices';
import { LEFTOVER_SESSION_KEY } from '../../../../src/app/account/endLeftoverSession';
import { removeUserDataFromDevice } from '../../../../src/app/account/removeUserDataFromDevice';
import { runningAppServices } from '../../../../src/app/account/runningAppServices';
import { completeSignIn } from '../../../../src/app/account/signInOnThisDevice';
import { useMeetingMode } from '../../../../src/app/meetings/meetingModeStore';
import { UI_PREFERENCES_KEY, useUiPreferences } from '../../../../src/app/state/uiPreferences';
import { TIMELINE_FILTERS_KEY, useTimelineFilters } from '../../../../src/app/timeline/timelineFilterStore';
import { createFakeAccountApi, PRIYA } from '../support/fakeAccountApi';
import { resetAccountWorld, withDatabase } from '../support/renderAccountApp';

const TOM: Account = { userId: 'user-tom', email: 'tom.hughes@oakfield.example', displayName: 'Tom Hughes', roles: ['participant'] };
const PRIYAS_WORDS = 'Phonics budget worries after the SLT meeting.';
const TOMS_WORDS = 'Year 2 reading buddies, week three.';

afterEach(async () => {
  sessionStorage.clear();
  useUiPreferences.setState(useUiPreferences.getInitialState(), true);
  useTimelineFilters.setState(useTimelineFilters.getInitialState(), true);
  useMeetingMode.setState(useMeetingMode.getInitialState(), true);
  vi.unstubAllGlobals();
  await resetAccountWorld();
});

/** Priya signed in here, with an entry, a draft, her own tag as the journal's filter, and timeline filters. */
async function priyaUsingTheTablet(): Promise<Account> {
  const api = createFakeAccountApi();
  await completeSignIn(await api.signIn(PRIYA.email, PRIYA.password));
  const account = useAccountStore.getState().account;
  if (!account) throw new Error('sign-in did not set the account');
  await withDatabase(databaseNameFor(account), async (repositories) => {
    await repositories.logEntries.create({ occurredAt: '2026-05-14T08:00:00.000Z', body: PRIYAS_WORDS, tags: ['phonics'] });
    await repositories.drafts.put('new-entry', { body: 'Half a thought' });
  });
  useUiPreferences.getState().set({ journalTag: 'phonics', journalOrder: 'oldest' });
  useTimelineFilters.getState().set({ tag: 'phonics' });
  useMeetingMode.getState().setStep('meeting-1', 2);
  return account;
}

async function tomsEarlierDatabase(): Promise<void> {
  await withDatabase(databaseNameFor(TOM), async (repositories) => {
    await repositories.logEntries.create({ occurredAt: '2026-05-13T08:00:00.000Z', body: TOMS_WORDS });
  });
}

function everyStorageEntry(): string {
  const entries: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index) ?? '';
      entries.push(`${key}=${storage.getItem(key) ?? ''}`);
    }
  }
  return entries.join('\n');
}

describe('removing a person’s data from this device', () => {
  it('deletes their database and their storage keys, and leaves another account’s database alone', async () => {
    const priya = await priyaUsingTheTablet();
    await tomsEarlierDatabase();
    localStorage.setItem('another-app.theme', 'dark');
    localStorage.setItem('note-for-priya', `written for ${priya.email}`);
    expect(everyStorageEntry()).toContain(priya.userId);
    expect(everyStorageEntry()).toContain('phonics');

    await removeUserDataFromDevice(priya);

    expect(await Dexie.exists(databaseNameFor(priya))).toBe(false);
    await withDatabase(databaseNameFor(TOM), async (repositories) => {
      expect((await repositories.logEntries.list()).map((entry) => entry.body)).toEqual([TOMS_WORDS]);
    });
    expect(useAccountStore.getState().account).toBeNull();
    const left = everyStorageEntry();
    for (const trace of [priya.userId, priya.email, priya.displayName, 'phonics', 'meeting-1']) expect(left).not.toContain(trace);
    expect(localStorage.getItem(ACCOUNT_STORAGE_KEY)).toBeNull();
    expect(localStorage.getItem(UI_PREFERENCES_KEY)).toBeNull();
    expect(sessionStorage.getItem(TIMELINE_FILTERS_KEY)).toBeNull();
    expect(localStorage.getItem('another-app.theme')).toBe('dark');
    // The stores in memory are back to their defaults too, so they cannot write her state back.
    expect(useUiPreferences.getState().journalTag).toBeNull();
    expect(useTimelineFilters.getState().tag).toBeNull();
    expect(useMeetingMode.getState().steps).toEqual({});
    // Only a marker that her server session is still to be ended (nothing of her in it).
    expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBe('1');
  });

  it('is idempotent: a second call finds nothing, changes nothing and does not fail', async () => {
    const priya = await priyaUsingTheTablet();
    await tomsEarlierDatabase();
    await removeUserDataFromDevice(priya);
    const namesAfterFirst = (await indexedDB.databases()).map((info) => info.name).sort();
    const storageAfterFirst = everyStorageEntry();

    await removeUserDataFromDevice(priya);
    await removeUserDataFromDevice(priya);

    expect((await indexedDB.databases()).map((info) => info.name).sort()).toEqual(namesAfterFirst);
    expect(namesAfterFirst).toContain(databaseNameFor(TOM));
    expect(everyStorageEntry()).toBe(storageAfterFirst);
  });

  it('stops her running services first, so nothing recreates her database afterwards', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const priya = await priyaUsingTheTablet();
    const services = createAppServices(priya, createFakeAccountApi());
    services.start();
    // The search index is open and has something to save when it lets go.
    expect((await services.repositories.search.search('phonics')).total).toBe(1);
    expect(runningAppServices.using(databaseNameFor(priya))).toEqual([services]);

    await removeUserDataFromDevice(priya);

    expect(runningAppServices.using(databaseNameFor(priya))).toEqual([]);
    // What AccountScope does as the screens unmount, and a late write from a screen.
    services.stop();
    services.closeForNow();
    await expect(services.repositories.drafts.put('new-entry', { body: 'late' })).rejects.toThrow();
    services.engine?.requestSync();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await Dexie.exists(databaseNameFor(priya))).toBe(false);
  });

  it('removes the signed-out database with her, since she adopted what it held', async () => {
    const priya = await priyaUsingTheTablet();
    // A leftover of what she adopted at sign-in (say, a search index saved late).
    await withDatabase(databaseNameFor(null), async (repositories) => {
      await repositories.logEntries.create({ occurredAt: '2026-05-12T08:00:00.000Z', body: PRIYAS_WORDS });
    });

    await removeUserDataFromDevice(priya);

    expect(await Dexie.exists(databaseNameFor(null))).toBe(false);
  });

  it('leaves the signed-out writing of whoever uses the tablet now, when she is not signed in', async () => {
    const priya = await priyaUsingTheTablet();
    useAccountStore.getState().signedOut();
    await withDatabase(databaseNameFor(null), async (repositories) => {
      await repositories.logEntries.create({ occurredAt: '2026-05-15T08:00:00.000Z', body: TOMS_WORDS });
    });
    useUiPreferences.getState().set({ journalOrder: 'oldest' });

    await removeUserDataFromDevice(priya);

    expect(await Dexie.exists(databaseNameFor(priya))).toBe(false);
    await withDatabase(databaseNameFor(null), async (repositories) => {
      expect((await repositories.logEntries.list()).map((entry) => entry.body)).toEqual([TOMS_WORDS]);
    });
    // The preferences are the current person's, not hers: they stay.
    expect(useUiPreferences.getState().journalOrder).toBe('oldest');
    expect(localStorage.getItem(LEFTOVER_SESSION_KEY)).toBeNull();
  });

  it('deletes every Cache Storage cache but the app shell’s precache', async () => {
    const names = new Set(['workbox-precache-v2-http://127.0.0.1:4780/', 'setwise-photos', 'api-responses']);
    vi.stubGlobal('caches', {
      keys: async () => [...names],
      delete: async (name: string) => names.delete(name),
    });
    const priya = await priyaUsingTheTablet();

    await removeUserDataFromDevice(priya);

    expect([...names]).toEqual(['workbox-precache-v2-http://127.0.0.1:4780/']);
  });
});
