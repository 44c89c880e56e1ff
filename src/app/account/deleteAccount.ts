import {
  DELETE_ACCOUNT_PHRASE,
  deleteAccountResponseSchema,
  type DeleteAccountBody,
  type DeleteAccountResponse,
} from '../../domain/account/accountDeletion';
import { AccountError, type AccountApi } from './accountApi';
import { useAccountStore } from './accountStore';
import { signOutOfThisDevice } from './signOutOfThisDevice';

export interface DeleteAccountApi {
  /** POST /api/account/delete; throws AccountError with the server's words when refused, or offline. */
  deleteAccount(csrfToken: string, options: { removeMyMeetingAdditions: boolean }): Promise<DeleteAccountResponse>;
}

/** The account deletion call on the Setwise server (as accountApi.ts: JSON, same-origin cookie, never cached). */
export function createDeleteAccountApi(options: { fetch?: typeof fetch; baseUrl?: string } = {}): DeleteAccountApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    async deleteAccount(csrfToken, { removeMyMeetingAdditions }) {
      const body: DeleteAccountBody = { confirm: DELETE_ACCOUNT_PHRASE, removeMyMeetingAdditions };
      let response: Response;
      try {
        response = await doFetch(`${base}/api/account/delete`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-setwise-csrf': csrfToken },
          body: JSON.stringify(body),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        throw new AccountError('No connection to the Setwise server. Nothing has been deleted; try again when you are online.', null);
      }
      let json: unknown = null;
      try {
        json = await response.json();
      } catch {
        // Answered with something that is not JSON: the status says enough.
      }
      if (!response.ok) {
        const error = (json as { error?: unknown } | null)?.error;
        throw new AccountError(typeof error === 'string' ? error : `The server answered ${response.status}. Nothing has been deleted.`, response.status);
      }
      const parsed = deleteAccountResponseSchema.safeParse(json);
      if (!parsed.success) throw new AccountError('The server sent something this app cannot read.', response.status);
      return parsed.data;
    },
  };
}

/** Whether what the person typed is the confirmation phrase (case and extra spaces do not matter). */
export function isDeleteConfirmation(typed: string): boolean {
  return typed.trim().replace(/\s+/g, ' ').toLowerCase() === DELETE_ACCOUNT_PHRASE;
}

/**
 * "Delete my account and data": the server deletes the account and everything the person owns
 * (one transaction), then this device signs out and removes its copy of their database. Needs
 * the connection: offline nothing is deleted anywhere. Throws AccountError with words to show.
 */
export async function deleteAccountAndData(
  accountApi: AccountApi,
  options: { removeMyMeetingAdditions: boolean; api?: DeleteAccountApi },
): Promise<DeleteAccountResponse> {
  const { account } = useAccountStore.getState();
  if (!account) throw new AccountError('Sign in to delete your account: only an account on the server can be deleted.', null);
  let csrfToken = useAccountStore.getState().csrfToken;
  if (!csrfToken) {
    // After a reload the CSRF token is not in memory yet: ask the server for the session.
    const session = await accountApi.session();
    if (!session || session.user.id !== account.userId) throw new AccountError('Your sign-in has expired. Sign in again, then delete your account.', 401);
    useAccountStore.getState().sessionConfirmed(session.csrfToken);
    csrfToken = session.csrfToken;
  }
  const result = await (options.api ?? createDeleteAccountApi()).deleteAccount(csrfToken, { removeMyMeetingAdditions: options.removeMyMeetingAdditions });
  // The session went with the account; signing out here removes this device's copy.
  await signOutOfThisDevice(accountApi, { removeLocalData: true });
  return result;
}
