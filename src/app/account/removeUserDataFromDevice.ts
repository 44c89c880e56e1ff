import Dexie from 'dexie';
import { useAccountNoticeStore } from './accountNoticeStore';
import { databaseNameFor, useAccountStore, type Account } from './accountStore';
import { LEFTOVER_SESSION_KEY } from './endLeftoverSession';
import { removeRuntimeCaches } from './removeRuntimeCaches';
import { removeUserStorageKeys } from './removeUserStorageKeys';
import { runningAppServices } from './runningAppServices';

async function deleteDatabase(name: string): Promise<void> {
  await Promise.all(runningAppServices.using(name).map((services) => services.shutDown()));
  await Dexie.delete(name);
}

/**
 * Removes everything of one person from this device — for a shared tablet, or a forgotten
 * passcode. `person` null means whoever writes here signed out. On this device only: it needs
 * no connection, and what reached the server stays there. Callers warn first about writing
 * that has not reached the server (writingOnlyOnThisDevice): it is lost.
 *
 * 1. Their sync engine, the server's change events and their search index stop, and their
 *    database closes for good (nothing may recreate it, empty but named after them).
 * 2. Their database is deleted: every record, the outbox, drafts, photo bytes, the search
 *    index, the lock settings — all tables live there. When they are the one signed in, the
 *    signed-out database goes too: its writing was adopted by them at sign-in (it can only be
 *    a leftover of that, or a search index saved late), so it is theirs.
 * 3. Every Cache Storage cache but the app shell's precache (which holds no one's data and
 *    lets the app open offline).
 * 4. When they are the one using the app here: signed out, and the screens open afresh.
 * 5. Their keys in localStorage and sessionStorage (see removeUserStorageKeys).
 *
 * Idempotent: a second call finds nothing and does nothing. If a database cannot be deleted it
 * throws, leaving them signed in with whatever is left opened again, so they can try again.
 */
export async function removeUserDataFromDevice(person: Account | null): Promise<void> {
  const current = useAccountStore.getState().account;
  const theirsIsOpen = (current?.userId ?? null) === (person?.userId ?? null);
  try {
    await deleteDatabase(databaseNameFor(person));
    if (person && theirsIsOpen) await deleteDatabase(databaseNameFor(null));
    await removeRuntimeCaches();
  } catch (error) {
    if (theirsIsOpen) useAccountStore.getState().reopenLocalData();
    throw error;
  }
  if (theirsIsOpen) {
    // "Signed in as …" must not greet the next person.
    useAccountNoticeStore.getState().dismiss();
    useAccountStore.getState().removedFromDevice();
  }
  removeUserStorageKeys(person, { everythingOfTheApp: theirsIsOpen });
  // Their session cookie is httpOnly: if the server has not ended it yet, end it when online.
  if (person && theirsIsOpen && typeof localStorage !== 'undefined') localStorage.setItem(LEFTOVER_SESSION_KEY, '1');
}
