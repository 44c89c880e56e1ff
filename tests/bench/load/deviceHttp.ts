// One device's HTTP connection, as a browser tab would hold it: its own keep-alive connection,
// its own session cookie, and its own source address. Requests go through undici's fetch with a
// per-device Agent (keep-alive, one connection: a device sends one request at a time), and are
// handed to the app's createSyncApi as a `fetch`, so paths, headers and bodies are the app's.
import { Agent, fetch as undiciFetch } from 'undici';
import { SESSION_COOKIE } from '../../../src/server/auth/sessionCookie';

export interface DeviceHttp {
  /** A `fetch` for createSyncApi: sends and keeps the session cookie. */
  readonly fetch: typeof fetch;
  close(): Promise<void>;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * `localAddress` is a loopback address (127.x.y.z) of this device's person: the server's
 * per-address sign-in limit (30 in 15 minutes) would otherwise refuse the 31st device, since
 * every device of a load script on one machine would come from 127.0.0.1.
 */
function describeCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof Error)) return 'no cause given';
  const code = (cause as NodeJS.ErrnoException).code;
  return code ? `${code} ${cause.message}` : cause.message;
}

export function deviceHttp(localAddress: string): DeviceHttp {
  const agent = new Agent({
    connections: 1,
    // Longer than any think time, so the connection is reused rather than reopened.
    keepAliveTimeout: 30_000,
    localAddress,
  });
  let session: string | null = null;

  const send: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('The load client sends JSON text bodies only.');
    const response = await undiciFetch(urlOf(input), {
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(headers),
      body: body ?? null,
      dispatcher: agent,
    }).catch((error: unknown) => {
      // undici says only "fetch failed"; why (reset, refused, timeout) is in the cause, and the
      // app's createSyncApi keeps just the message: put the cause in it, so errors can be explained.
      throw new Error(`${error instanceof Error ? error.message : String(error)}: ${describeCause(error)}`);
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) session = pair.slice(at + 1).trim() || null;
    }
    // undici's Response and the DOM Response the app expects are separate classes to
    // TypeScript; the body is read here (as a browser would before handing it to JSON) and
    // wrapped, which keeps the types honest without a cast. The read counts in the latency.
    const text = await response.text();
    return new Response(response.status === 204 ? null : text, { status: response.status, headers: Object.fromEntries(response.headers) });
  };

  return { fetch: send, close: () => agent.close() };
}
