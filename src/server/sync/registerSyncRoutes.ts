import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { canRead } from '../../domain/access/Access';
import { indexBlobToken, userToken } from '../../domain/access/audienceTokens';
import { ACCESS_CHANGED, pullQuerySchema, pushRequestSchema, RESYNC_REQUIRED } from '../../domain/sync/protocol';
import { loadAccess } from '../access/loadAccess';
import { currentUser, requireUser } from '../auth';
import { UnstorableJsonError, type Store } from '../storage/Store';
import { applyPush } from './applyPush';
import type { ChangeNotifier } from './changeNotifier';
import { AccessChangedError, pullChanges, ResyncRequiredError } from './pullChanges';
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
    const access = await loadAccess(store, currentUser(request));
    try {
      const { touchedTokens, ...result } = await applyPush(store, access, parsed.data, new Date());
      for (const token of touchedTokens) notifier.publish(token);
      return { ...result, epoch: await epoch(), serverTime: Date.now() };
    } catch (error) {
      if (error instanceof InvalidMutationError || error instanceof UnstorableJsonError) return badRequest(reply, error.message);
      throw error;
    }
  });

  app.get('/api/sync/pull', { preHandler: requireUser }, async (request, reply) => {
    const parsed = pullQuerySchema.safeParse(request.query);
    if (!parsed.success) return badRequest(reply, parsed.error);
    try {
      const access = await loadAccess(store, currentUser(request));
      const page = await pullChanges(store, access, parsed.data.after, parsed.data.limit, parsed.data.access);
      return { ...page, epoch: await epoch(), serverTime: Date.now() };
    } catch (error) {
      if (error instanceof ResyncRequiredError) return reply.code(409).send({ error: error.message, code: RESYNC_REQUIRED });
      if (error instanceof AccessChangedError) return reply.code(409).send({ error: error.message, code: ACCESS_CHANGED });
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
    const user = currentUser(request);
    // Your own photo, or one in an entry someone shared with you.
    let blob = await store.getBlob(user.id, params.data.sha256);
    if (!blob) {
      const access = await loadAccess(store, user);
      for (const photo of await store.findRecordsByToken(indexBlobToken(params.data.sha256), 'photos')) {
        if (photo.owner === user.id) continue;
        const audience = await store.audienceOf('photos', photo.id);
        if (canRead(access, audience)) blob = await store.getBlob(photo.owner, params.data.sha256);
        if (blob) break;
      }
    }
    if (!blob) return reply.code(404).send({ error: 'No such photo on the server.' });
    return reply.type(blob.mimeType).header('cache-control', 'private, max-age=31536000, immutable').send(blob.bytes);
  });

  // Server-sent events: "something changed, pull now". Carries no content.
  app.get('/api/sync/events', { preHandler: requireUser }, async (request, reply) => {
    const user = currentUser(request);
    let access = await loadAccess(store, user);
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 5000\n\n');
    // One "change" per burst: a push touching several of this person's tokens tells them once.
    let pending = false;
    const tell = () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        reply.raw.write('event: change\ndata: {}\n\n');
      });
    };
    const subscriptions = new Map<string, () => void>();
    const follow = (tokens: ReadonlySet<string>) => {
      for (const [token, stop] of subscriptions) {
        if (tokens.has(token)) continue;
        stop();
        subscriptions.delete(token);
      }
      for (const token of tokens) {
        if (!subscriptions.has(token)) subscriptions.set(token, notifier.subscribe(token, token === userToken(user.id) ? onOwnToken : tell));
      }
    };
    // Changes to this person's memberships arrive on their own token: what they may see may
    // have changed (joined, moved, withdrawn), so the stream follows their new tokens.
    let closed = false;
    function onOwnToken() {
      tell();
      void loadAccess(store, user).then(
        (next) => {
          access = next;
          if (!closed) follow(access.tokens);
        },
        () => undefined,
      );
    }
    follow(access.tokens);
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      closed = true;
      clearInterval(heartbeat);
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
    });
    return reply;
  });
}
