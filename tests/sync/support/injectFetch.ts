import type { FastifyInstance } from 'fastify';

/**
 * A `fetch` that sends requests to a Fastify app in-process (app.inject): the real routes,
 * hooks, validation and database, without sockets, so hundreds of simulated devices and
 * schedules run quickly and deterministically. Keeps the session cookie like a browser.
 */
export function injectFetch(app: () => FastifyInstance, cookie: { value: string | null }): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    if (cookie.value) headers.cookie = `setwise_session=${cookie.value}`;
    let payload: string | Buffer | undefined;
    const body = init?.body;
    if (typeof body === 'string') payload = body;
    else if (body instanceof Blob) payload = Buffer.from(await body.arrayBuffer());
    else if (body instanceof ArrayBuffer) payload = Buffer.from(body);
    const response = await app().inject({ method: (init?.method ?? 'GET') as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    const setCookie = response.cookies.find((c) => c.name === 'setwise_session');
    if (setCookie) cookie.value = setCookie.value || null;
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined && key !== 'set-cookie') responseHeaders.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    const noBody = response.statusCode === 204 || response.statusCode === 304;
    return new Response(noBody ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers: responseHeaders });
  };
}
