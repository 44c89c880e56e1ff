import type { AccountApi } from './accountApi';
import { useAccountStore } from './accountStore';

/**
 * Set when a sign-out here could not end the session on the server (offline, say). The
 * session cookie is httpOnly, so the app cannot delete it; until the server ends the session,
 * anyone using this browser could still reach the person's writing on the server. The value is
 * only a marker: it holds nothing of the person, so it may outlive their data on the device.
 */
export const LEFTOVER_SESSION_KEY = 'setwise.leftoverSession';

/**
 * Ends the session a sign-out left behind, once the server can be reached: asks for it, and
 * signs it out with its own CSRF token. Does nothing unless the marker is set, or while
 * someone is signed in here (their own session is not leftover). Throws when offline, keeping
 * the marker for the next try.
 */
export async function endLeftoverSession(api: AccountApi): Promise<void> {
  if (localStorage.getItem(LEFTOVER_SESSION_KEY) === null) return;
  if (useAccountStore.getState().account) return;
  const session = await api.session();
  // A sign-in finished while asking: that session belongs to the person now using the app.
  if (localStorage.getItem(LEFTOVER_SESSION_KEY) === null || useAccountStore.getState().account) return;
  if (session) await api.signOut(session.csrfToken);
  localStorage.removeItem(LEFTOVER_SESSION_KEY);
}
