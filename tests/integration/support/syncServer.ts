// A real server (createServer: auth, sync routes, static app) over a fresh database of one
// integration target (SQLite file or PostgreSQL schema), with people created by createAccount
// and signed in through the real sign-in route. Requests go through app.inject with the
// session cookie and the x-setwise-csrf header, exactly as the app sends them.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PulledRecord,
  type PullResponse,
  type PushResponse,
} from '../../../src/domain/sync/protocol';
import { CSRF_HEADER } from '../../../src/server/auth';
import { createAccount } from '../../../src/server/auth/accounts';
import { createServer } from '../../../src/server/createServer';
import type { Store } from '../../../src/server/storage/Store';
import { makeTempSite } from '../../server/support/tempSite';
import type { StoreTarget, TestDatabase } from './storeTargets';

export const PASSWORD = 'a sensible passphrase';

/** What a signed-in browser holds: who it is, the session cookie and the CSRF token. */
export type SyncUser = { id: string; email: string; cookie: string; csrfToken: string };

/** Which credentials a request carries; by default both the cookie and the CSRF header. */
export type Credentials = { cookie?: boolean; csrf?: boolean; csrfToken?: string; origin?: string };

export interface SyncServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly database: TestDatabase;
  /** createAccount + sign-in; several at once share the scrypt work across cores. */
  addUsers(count: number): Promise<SyncUser[]>;
  /** Signs in an account that already exists in this database (e.g. made via another server). */
  signIn(email: string): Promise<SyncUser>;
  /** Any request as `user` (or nobody), with the credentials `as` says. */
  send(user: SyncUser | undefined, options: InjectOptions, as?: Credentials): Promise<LightMyRequestResponse>;
  /** POST /api/sync/push; a string body is sent as raw (possibly malformed) JSON text. */
  push(user: SyncUser | undefined, body: unknown, as?: Credentials): Promise<LightMyRequestResponse>;
  /** push, expecting 200 and a valid push response. */
  pushOk(user: SyncUser, body: unknown): Promise<PushResponse>;
  /** GET /api/sync/pull; `after`/`limit` left out when undefined, sent as given otherwise. */
  pull(user: SyncUser | undefined, after?: number | string, limit?: number | string): Promise<LightMyRequestResponse>;
  /** pull, expecting 200 and a valid pull response. */
  pullOk(user: SyncUser, after?: number, limit?: number): Promise<PullResponse>;
  /** Every record `user` may see, page by page from cursor 0. */
  pullAll(user: SyncUser, limit?: number): Promise<PulledRecord[]>;
  putBlob(user: SyncUser | undefined, sha256: string, bytes: Buffer, as?: Credentials & { blobType?: string }): Promise<LightMyRequestResponse>;
  getBlob(user: SyncUser | undefined, sha256: string): Promise<LightMyRequestResponse>;
  /** Closes the app and its store, once (the database itself is dropped by the target's cleanUp). */
  close(): Promise<void>;
}

let signIns = 0;

/**
 * A server over `database`, with its own newly opened store (a second "process" when reused).
 * `databaseUrl` (PostgreSQL only) makes it announce changes to other processes via LISTEN/NOTIFY.
 */
export async function startSyncServer(database: TestDatabase, options: { databaseUrl?: string } = {}): Promise<SyncServer> {
  const site = makeTempSite();
  const store = await database.openMigrated();
  const app = await createServer({ staticDir: site.staticDir, dataDir: site.dataDir, store, logLevel: 'silent', ...options });
  await app.ready();

  async function signIn(email: string): Promise<SyncUser> {
    // A different address each time, so the per-address sign-in limit never interferes.
    signIns += 1;
    const remoteAddress = `198.51.${Math.floor(signIns / 250) % 250}.${(signIns % 250) + 1}`;
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: PASSWORD }, remoteAddress });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'setwise_session');
    if (!cookie) throw new Error(`no session cookie for ${email}`);
    const body = res.json<{ csrfToken: string; user: { id: string } }>();
    return { id: body.user.id, email, cookie: `setwise_session=${cookie.value}`, csrfToken: body.csrfToken };
  }

  let made = 0;
  let closed = false;
  async function addUser(): Promise<SyncUser> {
    made += 1;
    const email = `teacher${made}-${Math.random().toString(36).slice(2, 8)}@oakfield.sch.uk`;
    await createAccount(store, { email, displayName: `Teacher ${made}`, roles: ['participant'], password: PASSWORD });
    return signIn(email);
  }

  function send(user: SyncUser | undefined, options: InjectOptions, as: Credentials = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (user && as.cookie !== false) headers.cookie = user.cookie;
    if (user && as.csrf !== false) headers[CSRF_HEADER] = as.csrfToken ?? user.csrfToken;
    if (as.origin) headers.origin = as.origin;
    return app.inject({ ...options, headers });
  }

  function push(user: SyncUser | undefined, body: unknown, as?: Credentials): Promise<LightMyRequestResponse> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    return send(user, { method: 'POST', url: '/api/sync/push', payload: raw, headers: { 'content-type': 'application/json' } }, as);
  }

  function pull(user: SyncUser | undefined, after?: number | string, limit?: number | string): Promise<LightMyRequestResponse> {
    const query = new URLSearchParams();
    if (after !== undefined) query.set('after', String(after));
    if (limit !== undefined) query.set('limit', String(limit));
    return send(user, { method: 'GET', url: `/api/sync/pull?${query.toString()}` });
  }

  async function pullOk(user: SyncUser, after = 0, limit?: number): Promise<PullResponse> {
    const res = await pull(user, after, limit);
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  }

  return {
    app,
    store,
    database,
    addUsers: (count) => Promise.all(Array.from({ length: count }, () => addUser())),
    signIn,
    send,
    push,
    async pushOk(user, body) {
      const res = await push(user, body);
      expect(res.statusCode, res.body).toBe(200);
      return pushResponseSchema.parse(res.json());
    },
    pull,
    pullOk,
    async pullAll(user, limit = 1000) {
      const records: PulledRecord[] = [];
      let after = 0;
      for (;;) {
        const page = await pullOk(user, after, limit);
        records.push(...page.records);
        after = page.cursor;
        if (!page.hasMore) return records;
      }
    },
    putBlob(user, sha256, bytes, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (as.blobType) headers['x-blob-type'] = as.blobType;
      return send(user, { method: 'PUT', url: `/api/blobs/${sha256}`, payload: bytes, headers }, as);
    },
    getBlob: (user, sha256) => send(user, { method: 'GET', url: `/api/blobs/${sha256}` }),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await store.close();
      site.cleanup();
    },
  };
}

/** A server over a new, empty database of `target`. */
export async function newSyncServer(target: StoreTarget): Promise<SyncServer> {
  return startSyncServer(await target.newDatabase());
}

/** What a pull from 0 shows and the highest seq: equal before and after means nothing changed. */
export async function snapshot(server: SyncServer, user: SyncUser): Promise<{ maxSeq: number; records: PulledRecord[] }> {
  return { maxSeq: await server.store.maxSeq(), records: await server.pullAll(user) };
}
