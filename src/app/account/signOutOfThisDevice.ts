import type { AccountApi } from './accountApi';
import { useAccountStore, type Account } from './accountStore';
import { LEFTOVER_SESSION_KEY } from './endLeftoverSession';
import { removeUserDataFromDevice } from './removeUserDataFromDevice';

/** Ends the person's session on the server; false when it could not (offline, say). */
async function endServerSession(api: AccountApi, account: Account): Promise<boolean> {
  try {
    let csrfToken = useAccountStore.getState().csrfToken;
    if (!csrfToken) {
      // After a reload the token is not in memory yet: the session itself gives it.
      const session = await api.session();
      if (!session || session.user.id !== account.userId) return true;
      csrfToken = session.csrfToken;
    }
    await api.signOut(csrfToken);
    return true;
  } catch {
    return false;
  }
}

/**
 * Signs out here. The server session ends if the server can be reached; if not, it is ended
 * as soon as it can be (endLeftoverSession), since the cookie cannot be deleted by the app.
 * With `removeLocalData` everything of the person on this device is removed
 * (removeUserDataFromDevice) — for shared tablets; the caller has already warned about
 * writing not yet on the server.
 */
export async function signOutOfThisDevice(api: AccountApi, options: { removeLocalData: boolean }): Promise<void> {
  const { account } = useAccountStore.getState();
  if (!account) return;
  if (!(await endServerSession(api, account))) localStorage.setItem(LEFTOVER_SESSION_KEY, '1');
  if (options.removeLocalData) await removeUserDataFromDevice(account);
  else useAccountStore.getState().signedOut();
}
