import { adoptSignedOutRecords } from '../db/adoptSignedOutRecords';
import { SetwiseDatabase } from '../db/SetwiseDatabase';
import type { AccountApi, SessionInfo } from './accountApi';
import { databaseNameFor, useAccountStore, type Account } from './accountStore';
import { LEFTOVER_SESSION_KEY } from './endLeftoverSession';

function toAccount(session: SessionInfo): Account {
  return { userId: session.user.id, email: session.user.email, displayName: session.user.displayName, roles: session.user.roles };
}

/**
 * After a successful sign-in (or first-run setup): what was written here signed out becomes
 * this account's, and the app switches to the account's own database. Records of other
 * people who used this device live in their own databases and are never opened.
 * Returns how many records were adopted.
 */
export async function completeSignIn(session: SessionInfo): Promise<number> {
  const account = toAccount(session);
  // The new session's cookie has replaced any a sign-out left behind: nothing is left to end.
  localStorage.removeItem(LEFTOVER_SESSION_KEY);
  const db = new SetwiseDatabase(databaseNameFor(account));
  try {
    await db.meta.put({ key: 'owner', value: account.userId });
    const adopted = await adoptSignedOutRecords(databaseNameFor(null), db, account.userId);
    useAccountStore.getState().signedIn(account, session.csrfToken);
    return adopted;
  } finally {
    db.close();
  }
}

export async function signInOnThisDevice(api: AccountApi, email: string, password: string): Promise<number> {
  return completeSignIn(await api.signIn(email, password));
}
