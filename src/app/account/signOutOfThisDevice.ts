import Dexie from 'dexie';
import type { AccountApi } from './accountApi';
import { databaseNameFor, useAccountStore } from './accountStore';

/**
 * Signs out here. The server session ends if the server can be reached (offline, the cookie
 * simply stops being used: the next person to sign in replaces it). With `removeLocalData`
 * the account's database on this device is deleted — for shared tablets; the caller has
 * already warned about changes not yet synced.
 */
export async function signOutOfThisDevice(api: AccountApi, options: { removeLocalData: boolean }): Promise<void> {
  const { account, csrfToken } = useAccountStore.getState();
  if (!account) return;
  if (csrfToken) await api.signOut(csrfToken).catch(() => undefined);
  useAccountStore.getState().signedOut();
  if (options.removeLocalData) await Dexie.delete(databaseNameFor(account));
}
