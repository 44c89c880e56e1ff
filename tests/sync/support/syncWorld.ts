import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { getDeviceId } from '../../../src/app/db/deviceClock';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { createSyncApi, type SyncApi } from '../../../src/app/sync/createSyncApi';
import { syncOnce, type SyncResult } from '../../../src/app/sync/syncOnce';
import { createAccount } from '../../../src/server/auth/accounts';
import { startSession } from '../../../src/server/auth/sessions';
import { createServer } from '../../../src/server/createServer';
import { openStore } from '../../../src/server/storage/openStore';
import type { Role, Store } from '../../../src/server/storage/Store';
import { injectFetch } from './injectFetch';

export const PASSWORD = 'a sensible passphrase';

export interface Device {
  readonly name: string;
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
  api: SyncApi;
  /** Replace the transport (e.g. with one that injects faults). */
  useFetch(wrap: (inner: typeof fetch) => typeof fetch): void;
  sync(): Promise<SyncResult>;
}

/**
 * A real Setwise server (Fastify + SQLite in a temp dir) and devices that run the real client
 * sync code on fake-indexeddb, talking to it in-process. `restartServer` closes and reopens
 * the server on the same database file, as a crash-free restart would.
 */
export class SyncWorld {
  private app: FastifyInstance | null = null;
  private store: Store | null = null;
  readonly devices: Device[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'setwise-world-'));

  async start(): Promise<void> {
    writeFileSync(join(this.dir, 'index.html'), '<!doctype html><title>Setwise</title>');
    this.store = await openStore({ dataDir: join(this.dir, 'data') });
    this.app = await createServer({ staticDir: this.dir, dataDir: join(this.dir, 'data'), store: this.store, logLevel: 'silent' });
    await this.app.ready();
  }

  server(): FastifyInstance {
    if (!this.app) throw new Error('The server is not running.');
    return this.app;
  }

  async restartServer(): Promise<void> {
    await this.app?.close();
    await this.store?.close();
    await this.start();
  }

  /** A server that lost its database (a fresh install): a new epoch, no records, no users. */
  async resetServer(): Promise<void> {
    await this.app?.close();
    await this.store?.close();
    rmSync(join(this.dir, 'data'), { recursive: true, force: true });
    await this.start();
  }

  /** Copies the database while the server is stopped (SQLite checkpoints its WAL on close). */
  async backUp(): Promise<string> {
    await this.app?.close();
    await this.store?.close();
    const copy = join(this.dir, `backup-${Date.now()}`);
    cpSync(join(this.dir, 'data'), copy, { recursive: true });
    await this.start();
    return copy;
  }

  /** Puts an older backup back in place: the server "forgets" everything since. */
  async restore(backup: string): Promise<void> {
    await this.app?.close();
    await this.store?.close();
    rmSync(join(this.dir, 'data'), { recursive: true, force: true });
    cpSync(backup, join(this.dir, 'data'), { recursive: true });
    await this.start();
  }

  async createUser(email: string, roles: readonly Role[] = ['participant']): Promise<string> {
    if (!this.store) throw new Error('start() first');
    const user = await createAccount(this.store, { email, displayName: 'Priya Shah', roles, password: PASSWORD });
    return user.id;
  }

  /** A device signed in as `email` through the real sign-in route (password and all). */
  async addDevice(name: string, email: string): Promise<Device> {
    const cookie = { value: null as string | null };
    const base = injectFetch(() => this.server(), cookie);
    const signIn = await base('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const session = (await signIn.json()) as { user: { id: string }; csrfToken: string };
    return this.device(name, session.user.id, cookie, session.csrfToken);
  }

  /**
   * A device with a session made directly in the store — the same rows sign-in writes, minus
   * the deliberately slow password check — so property tests can afford thousands of devices.
   */
  async addSignedInDevice(name: string, userId: string): Promise<Device> {
    if (!this.store) throw new Error('start() first');
    const { token, csrfToken } = await startSession(this.store, userId);
    return this.device(name, userId, { value: token }, csrfToken);
  }

  /** A user whose password is never checked (see addSignedInDevice). */
  async createUserWithoutPassword(email: string): Promise<string> {
    if (!this.store) throw new Error('start() first');
    const user = await this.store.createUser({ id: crypto.randomUUID(), email, displayName: 'Sam Okafor', roles: ['participant'], passwordHash: 'unused' });
    return user.id;
  }

  /** The same device (same local database) with a new session, e.g. after the server was reset. */
  async signInAgain(device: Device, userId: string): Promise<Device> {
    if (!this.store) throw new Error('start() first');
    const { token, csrfToken } = await startSession(this.store, userId);
    return this.device(device.name, userId, { value: token }, csrfToken, device.db);
  }

  private async device(
    name: string,
    userId: string,
    cookie: { value: string | null },
    csrf: string,
    existing?: SetwiseDatabase,
  ): Promise<Device> {
    const base = injectFetch(() => this.server(), cookie);
    const db = existing ?? new SetwiseDatabase(`world-${name}-${crypto.randomUUID()}`);
    await db.meta.put({ key: 'owner', value: userId });
    const repositories = createRepositories(db);
    const device: Device = {
      name,
      db,
      repositories,
      api: createSyncApi({ fetch: base, csrfToken: () => csrf }),
      useFetch(wrap) {
        device.api = createSyncApi({ fetch: wrap(base), csrfToken: () => csrf });
      },
      async sync() {
        return syncOnce(db, device.api, await getDeviceId(db));
      },
    };
    if (!existing) this.devices.push(device);
    return device;
  }

  /** Removes the devices' databases (keeps the server): between property-test schedules. */
  async forgetDevices(): Promise<void> {
    for (const device of this.devices.splice(0)) {
      device.db.close();
      await device.db.delete();
    }
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.store?.close();
    for (const device of this.devices) {
      device.db.close();
      await device.db.delete();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
