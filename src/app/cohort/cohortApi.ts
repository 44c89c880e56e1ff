import { z } from 'zod';
import {
  cohortOverviewSchema,
  createdInvitationSchema,
  invitationPreviewSchema,
  invitationSummarySchema,
  type AcceptInvitationBody,
  type CohortOverview,
  type CreatedInvitation,
  type CreateInvitationBody,
  type InvitationPreview,
  type InvitationSummary,
} from '../../domain/sets/cohortApi';
import type { MemberRole } from '../../domain/sets/membership';
import { sessionInfoSchema, type SessionInfo } from '../account/accountApi';
import { useAccountStore } from '../account/accountStore';

export const OFFLINE_MESSAGE = 'You are offline. Invitations and the overview need a connection to the Setwise server; try again when you are online.';
const SIGN_IN_AGAIN = 'Your sign-in on this device has expired. Sign in again in Settings, then try again.';
const UNREADABLE = 'The server sent something this app cannot read.';

/** A refusal in the server's words (with its machine code), or no connection (status null). */
export class CohortApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'CohortApiError';
  }

  get offline(): boolean {
    return this.status === null;
  }
}

export interface CohortApi {
  createInvitation(body: CreateInvitationBody): Promise<CreatedInvitation>;
  listInvitations(cohortId: string): Promise<InvitationSummary[]>;
  cancelInvitation(id: string): Promise<void>;
  /** What an invitation is for, before accepting it; refusals (expired, used…) as CohortApiError. */
  previewInvitation(code: string): Promise<InvitationPreview>;
  /** Accept with a new account: answers a session like sign-in (the cookie is set by the server). */
  acceptWithNewAccount(body: AcceptInvitationBody & { displayName: string; email: string; password: string }): Promise<SessionInfo>;
  /** Accept with the account signed in on this device. */
  acceptSignedIn(body: { code: string; role: MemberRole }): Promise<void>;
  overview(cohortId: string): Promise<CohortOverview>;
}

export interface CohortApiOptions {
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
  /** The session's CSRF token (memory only); by default the account store's. */
  readonly csrfToken?: () => string | null;
  /** Told the token fetched again after a reload; by default kept in the account store. */
  readonly onCsrfToken?: (token: string) => void;
}

const invitationListSchema = z.object({ invitations: z.array(invitationSummarySchema) });

/**
 * The cohort HTTP API (invitations, the coordinator's overview): the only code in the app that
 * calls fetch for them. Answers are checked with the domain's zod schemas; state-changing
 * requests carry the session's CSRF token, fetched again when a reload has forgotten it.
 */
export function createCohortApi(options: CohortApiOptions = {}): CohortApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const currentToken = options.csrfToken ?? (() => useAccountStore.getState().csrfToken);
  const keepToken = options.onCsrfToken ?? ((token: string) => useAccountStore.getState().sessionConfirmed(token));

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { ...init, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new CohortApiError(OFFLINE_MESSAGE, null);
    }
  }

  async function refusal(response: Response): Promise<CohortApiError> {
    let message = `The server answered ${response.status}. Try again in a moment.`;
    let code: string | null = null;
    try {
      const body = (await response.json()) as { error?: unknown; code?: unknown };
      if (typeof body.error === 'string') message = body.error;
      if (typeof body.code === 'string') code = body.code;
    } catch {
      // Not JSON (a proxy's error page): keep the generic message.
    }
    if (response.status === 401) message = SIGN_IN_AGAIN;
    return new CohortApiError(message, response.status, code);
  }

  async function read<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    if (!response.ok) throw await refusal(response);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new CohortApiError(UNREADABLE, response.status);
    return parsed.data;
  }

  async function csrfToken(): Promise<string> {
    const known = currentToken();
    if (known) return known;
    const response = await send('/api/session');
    if (response.status === 401) throw new CohortApiError(SIGN_IN_AGAIN, 401);
    const session = await read(response, sessionInfoSchema);
    keepToken(session.csrfToken);
    return session.csrfToken;
  }

  async function changeState(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'x-setwise-csrf': await csrfToken() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return send(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  }

  return {
    async createInvitation(body) {
      return read(await changeState('/api/invitations', 'POST', body), createdInvitationSchema);
    },
    async listInvitations(cohortId) {
      const answer = await read(await send(`/api/cohorts/${encodeURIComponent(cohortId)}/invitations`), invitationListSchema);
      return answer.invitations;
    },
    async cancelInvitation(id) {
      const response = await changeState(`/api/invitations/${encodeURIComponent(id)}`, 'DELETE');
      if (!response.ok) throw await refusal(response);
    },
    async previewInvitation(code) {
      return read(await send(`/api/invitations/preview?code=${encodeURIComponent(code)}`), invitationPreviewSchema);
    },
    async acceptWithNewAccount(body) {
      // No session yet, so no CSRF token (like sign-in).
      const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
      return read(await send('/api/invitations/accept', init), sessionInfoSchema);
    },
    async acceptSignedIn(body) {
      const response = await changeState('/api/invitations/accept-signed-in', 'POST', body);
      if (!response.ok) throw await refusal(response);
    },
    async overview(cohortId) {
      return read(await send(`/api/cohorts/${encodeURIComponent(cohortId)}/overview`), cohortOverviewSchema);
    },
  };
}

/** The words to show for a failed request: the server's, or ours for anything unexpected. */
export function cohortFailureMessage(caught: unknown): string {
  if (caught instanceof CohortApiError) return caught.message;
  const reason = caught instanceof Error && caught.message ? ` (${caught.message})` : '';
  return `Something went wrong${reason}. Try again.`;
}
