import { z } from 'zod';

export const sessionInfoSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()),
  }),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** A refusal to show the person as it is (the server's words), or a connection problem. */
export class AccountError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface AccountApi {
  /** The signed-in session, or null when there is none (or it expired). Throws when offline. */
  session(): Promise<SessionInfo | null>;
  signIn(email: string, password: string): Promise<SessionInfo>;
  signOut(csrfToken: string): Promise<void>;
  setupNeeded(): Promise<boolean>;
  setup(details: { email: string; password: string; displayName: string }): Promise<SessionInfo>;
}

/** Accounts on the Setwise server; the only code in the app that calls fetch for accounts. */
export function createAccountApi(options: { fetch?: typeof fetch; baseUrl?: string } = {}): AccountApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { ...init, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new AccountError('No connection to the Setwise server. Your writing stays on this device; try again when you are online.', null);
    }
  }

  async function refusal(response: Response): Promise<AccountError> {
    let message = `The server answered ${response.status}.`;
    try {
      const body = (await response.json()) as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
    } catch {
      // Keep the generic message.
    }
    return new AccountError(message, response.status);
  }

  async function sessionFrom(response: Response): Promise<SessionInfo> {
    if (!response.ok) throw await refusal(response);
    const parsed = sessionInfoSchema.safeParse(await response.json());
    if (!parsed.success) throw new AccountError('The server sent something this app cannot read.', response.status);
    return parsed.data;
  }

  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  return {
    async session() {
      const response = await send('/api/session');
      if (response.status === 401) return null;
      return sessionFrom(response);
    },
    async signIn(email, password) {
      return sessionFrom(await send('/api/auth/sign-in', json({ email, password })));
    },
    async signOut(csrfToken) {
      const response = await send('/api/auth/sign-out', { method: 'POST', headers: { 'x-setwise-csrf': csrfToken } });
      if (!response.ok && response.status !== 401) throw await refusal(response);
    },
    async setupNeeded() {
      const response = await send('/api/setup');
      if (!response.ok) throw await refusal(response);
      const body = (await response.json()) as { needed?: unknown };
      return body.needed === true;
    },
    async setup(details) {
      return sessionFrom(await send('/api/setup', json(details)));
    },
  };
}
