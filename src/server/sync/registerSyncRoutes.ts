import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { pullQuerySchema, pushRequestSchema, RESYNC_REQUIRED } from '../../domain/sync/protocol';
import { currentUser, requireUser } from '../auth';
import { UnstorableJsonError, type Store } from '../storage/Store';
import { applyPush, ForbiddenRecordError } from './applyPush';
import type { ChangeNotifier } from './changeNotifier';
import { pullChanges, ResyncRequiredError } from './pullChanges';
import { InvalidMutationError } from './validateRecord';

export const PUSH_BODY_LIMIT = 4 * 1024 * 1024;
export const BLOB_BODY_LIMIT = 15 * 1024 * 1024;
const sha256Param = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Not a SHA-256 hash.' }) });

function badRequest(reply: FastifyReply, error: z.ZodError | string) {
  const message = typeof error === 'string' ? error : error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  return reply.code(400).send({ error: message, code: 'invalid-request' });
}

/** /api/sync/push, /api/sync/pull, /api/sync/events and /api/blobs/:sha256 (docs/sync-protocol.md). */
export function registerSyncRoutes(app: FastifyInstance, store: Store, notifier: ChangeNotifier): void {
  // The epoch is fixed for the life of a database: read it once, not on every push and pull.
  let epochRead: Promise<string> | undefined;
  const epoch = (): Promise<string> => {
    epochRead ??= store.epoch().catch((error: unknown) => {
      epochRead = undefined;
      throw error;
    });
    return epochRead;
  };

  app.post('/api/sync/push', { preHandler: requireUser, bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    const parsed = pushRequestSchema.safeParse(request.body);
    if (!parsed.success) return badRequest(reply, parsed.error);
    const user = currentUser(request);
    try {
      const result = await applyPush(store, user.id, parsed.data, new Date());
      if (result.applied) notifier.publish(user.id);
      return { ...result, epoch: await epoch(), serverTime: Date.now() };
    } catch (error) {
      if (error instanceof InvalidMutationError || error instanceof UnstorableJsonError) return badRequest(reply, error.message);
      if (error instanceof ForbiddenRecordError) return reply.code(403).send({ error: error.message, code: 'forbidden' });
      throw error;
    }
  });

  app.get('/api/sync/pull', { preHandler: requireUser }, async (request, reply) => {
    const parsed = pullQuerySchema.safeParse(request.query);
    if (!parsed.success) return badRequest(reply, parsed.error);
    try {
      const page = await pullChanges(store, currentUser(request).id, parsed.data.after, parsed.data.limit);
      return { ...page, epoch: await epoch(), serverTime: Date.now() };
    } catch (error) {
      if (error instanceof ResyncRequiredError) return reply.code(409).send({ error: error.message, code: RESYNC_REQUIRED });
      throw error;
    }
  });

  // Photo bytes, content-addressed per owner. The hash is checked, so a blob is what it says.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BLOB_BODY_LIMIT }, (_request, body, done) => done(null, body));
  app.put('/api/blobs/:sha256', { preHandler: requireUser, bodyLimit: BLOB_BODY_LIMIT }, async (request, reply) => {
    const params = sha256Param.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) return badRequest(reply, 'Send the photo bytes as application/octet-stream.');
    const actual = createHash('sha256').update(request.body).digest('hex');
    if (actual !== params.data.sha256) return badRequest(reply, 'The photo bytes do not match their hash; nothing was stored.');
    const declared = String(request.headers['x-blob-type'] ?? 'application/octet-stream');
    const mimeType = /^image\/[a-z0-9.+-]+$/.test(declared) ? declared : 'application/octet-stream';
    await store.putBlob(currentUser(request).id, actual, request.body, mimeType);
    return reply.code(204).send();
  });

  app.get('/api/blobs/:sha256', { preHandler: requireUser }, async (request, reply) => {
    const params = sha256Param.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const blob = await store.getBlob(currentUser(request).id, params.data.sha256);
    if (!blob) return reply.code(404).send({ error: 'No such photo on the server.' });
    return reply.type(blob.mimeType).header('cache-control', 'private, max-age=31536000, immutable').send(blob.bytes);
  });

  // Server-sent events: "something changed, pull now". Carries no content.
  app.get('/api/sync/events', { preHandler: requireUser }, (request, reply) => {
    const user = currentUser(request);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 5000\n\n');
    const unsubscribe = notifier.subscribe(user.id, () => reply.raw.write('event: change\ndata: {}\n\n'));
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
