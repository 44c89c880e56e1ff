import { SESSION_COOKIE } from '../../../src/server/auth/sessionCookie';

/** The one cookie Setwise sets, kept the way a browser would keep it. */
export interface CookieJar {
  session: string | null;
}

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * Node's global fetch with a cookie jar for `setwise_session`: sends it with every request and
 * updates it from every Set-Cookie (an empty value, as sign-out sends, clears it).
 */
export function cookieFetch(jar: CookieJar): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.session) headers.set('cookie', `${SESSION_COOKIE}=${jar.session}`);
    const response = await fetch(urlOf(input), { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) jar.session = pair.slice(at + 1).trim() || null;
    }
    return response;
  };
}
