// JSON answers for errors and unknown routes, so API clients (the sync code) always get
// {"error": "..."} with a sentence a person can act on, never an HTML page or a stack trace.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { isAppNavigation } from './staticFiles';

export type ErrorBody = { error: string; code?: string };

export function addErrorHandlers(app: FastifyInstance): void {
  // Requests already given the app shell once. If index.html itself is missing (e.g. during a
  // rebuild), sendFile calls the not-found handler again; this stops that from looping.
  const fellBack = new WeakSet<FastifyRequest>();

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const body: ErrorBody = { error: 'Something went wrong on the server. Please try again.' };
      return reply.code(status).type('application/json').send(body);
    }
    const body: ErrorBody = { error: clientMessage(error, request), code: error.code };
    return reply.code(status).type('application/json').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    if (!fellBack.has(request) && isAppNavigation(request.method, request.url, request.headers.accept)) {
      // SPA fallback: the app shell handles its own routes.
      fellBack.add(request);
      return reply.sendFile('index.html');
    }
    const path = request.url.split('?')[0];
    const body: ErrorBody = { error: `Not found: ${request.method} ${path}` };
    return reply.code(404).type('application/json').send(body);
  });
}

function clientMessage(error: FastifyError, request: FastifyRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // Routes may set a smaller limit than the server's (auth bodies: 16 KB).
      return `The request body is too large (the limit is ${describeBytes(request.routeOptions.bodyLimit)}).`;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send JSON with Content-Type: application/json.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty but JSON was declared.';
    default:
      return error.message;
  }
}

function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
