import type { z } from 'zod';
import {
  ACCESS_CHANGED,
  pullResponseSchema,
  pushResponseSchema,
  RESYNC_REQUIRED,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../domain/sync/protocol';
import { SyncHttpError } from './SyncHttpError';

/** The sync server, as the engine sees it. The only code in the app that calls fetch for sync. */
export interface SyncApi {
  push(request: PushRequest): Promise<PushResponse>;
  /** `access`: the digest the last pull returned; omitted when pulling everything from 0. */
  pull(after: number, limit?: number, access?: string): Promise<PullResponse>;
  putBlob(sha256: string, blob: Blob): Promise<void>;
  getBlob(sha256: string): Promise<Blob>;
}

export interface SyncApiOptions {
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** The session's CSRF token, sent with every state-changing request. */
  readonly csrfToken: () => string | null;
}

async function errorFrom(response: Response): Promise<SyncHttpError> {
  let message = `The server answered ${response.status}.`;
  let code: string | undefined;
  try {
    const body = (await response.json()) as { error?: unknown; code?: unknown };
    if (typeof body.error === 'string') message = body.error;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // Not JSON (a proxy's error page): keep the generic message.
  }
  if (response.status === 401) return new SyncHttpError(message, 'unauthenticated', 401);
  if (code === RESYNC_REQUIRED) return new SyncHttpError(message, 'resync-required', response.status);
  if (code === ACCESS_CHANGED) return new SyncHttpError(message, 'access-changed', response.status);
  if (response.status >= 500 || response.status === 429 || response.status === 408) {
    return new SyncHttpError(message, 'server-error', response.status);
  }
  return new SyncHttpError(message, 'rejected', response.status);
}

export function createSyncApi(options: SyncApiOptions): SyncApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const token = options.csrfToken();
    if (token && init.method && init.method !== 'GET') headers.set('x-setwise-csrf', token);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
    } catch (error) {
      throw new SyncHttpError(error instanceof Error ? error.message : 'No connection.', 'offline', null);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function json<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) throw new SyncHttpError('The server sent something this app cannot read.', 'server-error', response.status);
    return parsed.data;
  }

  return {
    async push(request) {
      const response = await send('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return json(pushResponseSchema, response);
    },
    async pull(after, limit = 500, access) {
      const known = access ? `&access=${encodeURIComponent(access)}` : '';
      return json(pullResponseSchema, await send(`/api/sync/pull?after=${after}&limit=${limit}${known}`));
    },
    async putBlob(sha256, blob) {
      await send(`/api/blobs/${sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'x-blob-type': blob.type || 'application/octet-stream' },
        body: blob,
      });
    },
    async getBlob(sha256) {
      const response = await send(`/api/blobs/${sha256}`);
      return response.blob();
    },
  };
}
