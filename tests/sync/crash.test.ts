// Crash test: the real server — a child process running src/server/main.ts on SQLite in a temp
// directory — is SIGKILLed in the middle of pushes again and again, while two devices run the
// real client sync code (fake-indexeddb) against it over HTTP. After every restart, before any
// device retries, every push the server answered 200 is on the server; once the devices have
// synced again, every entry exists exactly once and the retries applied no batch twice.
// CRASH_KILLS=<n> (default 100): how many kills must strike while a push is under way;
// kills before a round or between rounds come on top. CRASH_SEED=<seed> replays the same
// choices (the exact moments of the kills still depend on timing).
import { mkdirSync, mkdtempSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/app/db/createRepositories';
import { getDeviceId } from '../../src/app/db/deviceClock';
import { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import { createSyncApi, type SyncApi } from '../../src/app/sync/createSyncApi';
import { syncOnce } from '../../src/app/sync/syncOnce';
import { SyncHttpError } from '../../src/app/sync/SyncHttpError';
import { canonicalJson } from '../../src/domain/canonicalJson';
import { compareHlc } from '../../src/domain/hlc';
import type { LogEntry } from '../../src/domain/logEntry';
import { pullResponseSchema, pushRequestSchema, pushResponseSchema, type PulledRecord } from '../../src/domain/sync/protocol';
import { createAccount } from '../../src/server/auth/accounts';
import { openStore, SQLITE_FILE_NAME } from '../../src/server/storage/openStore';
import { cookieFetch, type CookieJar } from './support/cookieFetch';
import { seededRandom, type Random } from './support/random';
import { freePort, ServerProcess } from './support/serverProcess';

function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw} must be a whole number of at least 1.`);
  return value;
}

const KILLS = positiveInteger(process.env.CRASH_KILLS, 100, 'CRASH_KILLS');
const SEED = positiveInteger(process.env.CRASH_SEED, 20261123, 'CRASH_SEED');
console.log(`sync crash test: seed ${SEED}, ${KILLS} kills mid-push (replay: CRASH_SEED=${SEED} CRASH_KILLS=${KILLS})`);

const EMAIL = 'priya@oakfield.example';
const PASSWORD = 'a sensible passphrase';
const OCCURRED_AT = '2026-05-14T09:30:00.000Z';
const TAGS = ['KS1', 'SLT', 'phonics', 'coaching'] as const;

/**
 * When the server dies:
 * - before-sync: before any request of the round (every request is refused);
 * - push-sending: the moment the first push is handed to fetch (just before, or just after);
 * - push-in-flight: a short random time after the first push was sent (often mid-request:
 *   before, during or after the server's commit);
 * - push-committing: as soon as the server writes to its SQLite WAL while a push is in flight,
 *   i.e. during the batch's commit or just after it, before the answer is sent;
 * - sync-started: 0–15 ms after the round started (push, pull, or between them);
 * - push-answered: as soon as a push's 200 arrives, before the device has deleted its rows.
 */
const KILL_MODES = [
  'before-sync',
  'push-sending',
  'push-sending',
  'push-in-flight',
  'push-in-flight',
  'push-in-flight',
  'push-committing',
  'push-committing',
  'sync-started',
  'push-answered',
] as const;
type KillMode = (typeof KILL_MODES)[number];

/** One sent push request, as the network saw it. */
interface PushAttempt {
  readonly batchId: string;
  /** The server was killed while this request had not been answered. */
  interrupted: boolean;
}

interface Acknowledged {
  readonly stamp: string;
  readonly value: unknown;
}

/** What went over the wire: every acknowledged field write, and how batches were applied. */
class PushLedger {
  /** Latest acknowledged write per `recordId/field` (an earlier one is implied by a later one). */
  readonly acknowledged = new Map<string, Acknowledged>();
  /** How many times the server answered `applied: true` for each batch id (must stay ≤ 1). */
  readonly appliedTrue = new Map<string, number>();
  readonly inFlight = new Set<PushAttempt>();
  /** Batches whose request was cut by a kill and never answered: the retry tells what happened. */
  readonly unanswered = new Set<string>();
  readonly pushMs: number[] = [];
  /** Violations seen on the wire (checked with the server's state, never thrown at the client). */
  readonly problems: string[] = [];
  acknowledgedPushes = 0;
  acknowledgedMutations = 0;
  /** Interrupted pushes whose answer arrived anyway (it was on its way when the server died). */
  answeredDespiteKill = 0;
  /** Interrupted, unanswered pushes the server had committed: its retry answered applied=false. */
  committedButUnanswered = 0;
  /** Interrupted, unanswered pushes the server had not committed: the retry applied them. */
  notCommittedRetried = 0;

  acknowledge(recordId: string, field: string, stamp: string, value: unknown): void {
    const key = `${recordId}/${field}`;
    const known = this.acknowledged.get(key);
    if (known && known.stamp === stamp && canonicalJson(known.value) !== canonicalJson(value)) {
      this.problems.push(`two different values were acknowledged with one stamp ${stamp} for ${key}`);
    }
    if (!known || compareHlc(stamp, known.stamp) > 0) this.acknowledged.set(key, { stamp, value });
  }

  medianPushMs(): number {
    if (this.pushMs.length === 0) return 5;
    const sorted = [...this.pushMs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  }
}

/** Hooks the current round arms to kill the server at a chosen moment. */
interface KillHooks {
  beforePushSent?: () => void;
  afterPushSent?: () => void;
  onPushAnswered?: () => void;
  /** The server wrote to its write-ahead log (only commits write it: lookups never do). */
  onWalWrite?: () => void;
}

interface Device {
  readonly name: string;
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
  readonly api: SyncApi;
}

let server: ServerProcess | undefined;
let dir: string | undefined;
let walWatcher: FSWatcher | undefined;
const databases: SetwiseDatabase[] = [];
let hooks: KillHooks = {};
const ledger = new PushLedger();

/** Node's fetch with the session cookie, watching pushes: what was acknowledged, and kill hooks. */
function observedFetch(jar: CookieJar): typeof fetch {
  const base = cookieFetch(jar);
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/sync/push') || typeof init?.body !== 'string') return base(input, init);
    const parsed = pushRequestSchema.safeParse(JSON.parse(init.body));
    // A malformed push is the server's to refuse (400), which fails the round loudly.
    if (!parsed.success) return base(input, init);
    const request = parsed.data;
    const attempt: PushAttempt = { batchId: request.batchId, interrupted: false };
    ledger.inFlight.add(attempt);
    const started = performance.now();
    let response: Response;
    try {
      hooks.beforePushSent?.();
      const pending = base(input, init);
      hooks.afterPushSent?.();
      response = await pending;
    } catch (error) {
      if (attempt.interrupted) ledger.unanswered.add(attempt.batchId);
      throw error;
    } finally {
      ledger.inFlight.delete(attempt);
    }
    if (!response.ok) return response;
    // A 200 is sent only after the batch's transaction committed: from here on it is
    // acknowledged, whether or not the device manages to read the body.
    ledger.pushMs.push(performance.now() - started);
    ledger.acknowledgedPushes += 1;
    if (attempt.interrupted) ledger.answeredDespiteKill += 1;
    for (const mutation of request.mutations) {
      ledger.acknowledgedMutations += 1;
      for (const [field, value] of Object.entries(mutation.fields)) {
        // createdAt is the device's creation time, kept by the server only for new records.
        if (field !== 'createdAt') ledger.acknowledge(mutation.recordId, field, mutation.clocks[field] as string, value);
      }
    }
    const body = await response
      .clone()
      .json()
      .then((json: unknown) => pushResponseSchema.parse(json))
      .catch(() => null);
    if (body) {
      if (body.applied) ledger.appliedTrue.set(request.batchId, (ledger.appliedTrue.get(request.batchId) ?? 0) + 1);
      if (ledger.unanswered.delete(request.batchId)) {
        if (body.applied) ledger.notCommittedRetried += 1;
        else ledger.committedButUnanswered += 1;
      }
    }
    hooks.onPushAnswered?.();
    return response;
  };
}

async function signIn(baseUrl: string): Promise<{ jar: CookieJar; csrfToken: string; userId: string }> {
  const jar: CookieJar = { session: null };
  const response = await cookieFetch(jar)(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  if (!jar.session) throw new Error('sign-in set no session cookie');
  return { jar, csrfToken: body.csrfToken, userId: body.user.id };
}

async function newDevice(name: string, baseUrl: string): Promise<Device> {
  const session = await signIn(baseUrl);
  const db = new SetwiseDatabase(`crash-${name}-${crypto.randomUUID()}`);
  databases.push(db);
  await db.meta.put({ key: 'owner', value: session.userId });
  const api = createSyncApi({ baseUrl, fetch: observedFetch(session.jar), csrfToken: () => session.csrfToken });
  return { name, db, repositories: createRepositories(db), api };
}

/** Every record the server holds for the user, straight from GET /api/sync/pull. */
async function serverRecords(baseUrl: string, jar: CookieJar): Promise<PulledRecord[]> {
  const get = cookieFetch(jar);
  const records: PulledRecord[] = [];
  let cursor = 0;
  for (;;) {
    const response = await get(`${baseUrl}/api/sync/pull?after=${cursor}&limit=1000`);
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    const page = pullResponseSchema.parse(await response.json());
    records.push(...page.records);
    cursor = page.cursor;
    if (!page.hasMore) return records;
  }
}

/**
 * The invariants that hold at any moment the server is up: no record twice, nothing the
 * devices did not create, and every acknowledged write present (or overwritten by a later one).
 */
function checkServer(records: readonly PulledRecord[], created: ReadonlySet<string>, when: string): Map<string, PulledRecord['record']> {
  const byId = new Map<string, PulledRecord['record']>();
  let lastSeq = 0;
  for (const { table, seq, record } of records) {
    expect(table, when).toBe('logEntries');
    expect(seq, `${when}: seqs go up`).toBeGreaterThan(lastSeq);
    lastSeq = seq;
    expect(byId.has(record.id), `${when}: record ${record.id} appears twice`).toBe(false);
    expect(created.has(record.id), `${when}: record ${record.id} was never created`).toBe(true);
    byId.set(record.id, record);
  }
  for (const [key, write] of ledger.acknowledged) {
    const [recordId = '', field = ''] = key.split('/');
    const record = byId.get(recordId);
    expect(record, `${when}: acknowledged record ${recordId} is missing`).toBeDefined();
    const stamp = record?.clocks[field];
    expect(stamp, `${when}: acknowledged field ${key} is missing`).toBeDefined();
    expect(compareHlc(stamp as string, write.stamp), `${when}: acknowledged ${key}@${write.stamp} lost (server has ${stamp})`).toBeGreaterThanOrEqual(0);
    if (stamp === write.stamp) expect((record as Record<string, unknown>)[field], `${when}: ${key}`).toEqual(write.value);
  }
  for (const [batchId, count] of ledger.appliedTrue) expect(count, `${when}: batch ${batchId} applied ${count} times`).toBe(1);
  expect(ledger.problems, when).toEqual([]);
  return byId;
}

/** A few local writes on one device, as a person would make them; returns how many. */
async function writeSome(device: Device, random: Random, created: Set<string>, label: string): Promise<number> {
  const operations = random.int(0, 3);
  let written = 0;
  for (let i = 0; i < operations; i += 1) {
    const ids = (await device.db.logEntries.toCollection().primaryKeys()).sort();
    const roll = random.next();
    if (ids.length === 0 || roll < 0.4) {
      const entry = await device.repositories.logEntries.create({ occurredAt: OCCURRED_AT, body: `${label}.${i} new`, tags: [] });
      created.add(entry.id);
      written += 1;
      continue;
    }
    const id = random.pick(ids);
    const live = await device.repositories.logEntries.get(id);
    if (roll < 0.85 && live) {
      if (roll < 0.7) await device.repositories.logEntries.update(id, { body: `${label}.${i} edit` });
      else await device.repositories.logEntries.update(id, { tags: TAGS.filter(() => random.chance(0.5)) });
    } else if (live) {
      await device.repositories.logEntries.remove(id);
    } else {
      await device.repositories.logEntries.restore(id);
    }
    written += 1;
  }
  return written;
}

/** Syncs until a round succeeds (the server is up; only transport failures may interrupt). */
async function syncUntilDone(device: Device): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await syncOnce(device.db, device.api, await getDeviceId(device.db));
      // The database is never reset or restored, so a full resync would mean the server forgot.
      expect(result.fullResync, `${device.name}: full resync after a crash`).toBe(false);
      return;
    } catch (error) {
      const transient = error instanceof SyncHttpError && error.failure === 'offline';
      if (!transient || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function sleepTicks(ticks: number): Promise<void> {
  for (let i = 0; i < ticks; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'setwise-crash-'));
  const staticDir = join(dir, 'static');
  const dataDir = join(dir, 'data');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Setwise</title>');
  const store = await openStore({ dataDir });
  try {
    await createAccount(store, { email: EMAIL, displayName: 'Priya Shah', roles: ['participant'], password: PASSWORD });
  } finally {
    await store.close();
  }
  server = new ServerProcess({ port: await freePort(), dataDir, staticDir });
  await server.start();
  // The directory, not the file: the WAL may be removed and made again.
  walWatcher = watch(dataDir, (_event, file) => {
    if (file === `${SQLITE_FILE_NAME}-wal`) hooks.onWalWrite?.();
  });
}, 60_000);

afterAll(async () => {
  walWatcher?.close();
  await server?.stop();
  for (const db of databases) {
    db.close();
    await db.delete();
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('sync when the server is killed mid-push', () => {
  it(`${KILLS} SIGKILLs mid-push lose no acknowledged write and duplicate nothing`, { timeout: 60_000 + KILLS * 8_000 }, async () => {
    if (!server) throw new Error('no server');
    const started = performance.now();
    const random = seededRandom(SEED);
    const baseUrl = server.baseUrl;
    const devices = [await newDevice('tablet', baseUrl), await newDevice('laptop', baseUrl)];
    const reader = await signIn(baseUrl);
    const created = new Set<string>();
    const modes = new Map<string, number>();
    const failures = new Map<string, number>();
    let restartMs = 0;
    let killsMidPush = 0;

    let kills = 0;
    while (killsMidPush < KILLS) {
      kills += 1;
      if (kills > KILLS * 4) throw new Error(`Only ${killsMidPush} of ${kills} kills struck mid-push.`);
      const label = `k${kills}`;
      let written = 0;
      for (const device of devices) written += await writeSome(device, random, created, `${label}.${device.name}`);
      if (written === 0) {
        const device = random.pick(devices);
        const entry = await device.repositories.logEntries.create({ occurredAt: OCCURRED_AT, body: `${label} new`, tags: [] });
        created.add(entry.id);
      }

      // One device or both sync; at least one of them has something to push.
      const withChanges: Device[] = [];
      for (const device of devices) if ((await device.db.outbox.count()) > 0) withChanges.push(device);
      const syncing = random.chance(0.7) ? devices : [random.pick(withChanges)];
      const mode: KillMode = random.pick(KILL_MODES);
      let fired = false;
      const strike = (): void => {
        if (fired) return;
        fired = true;
        if (ledger.inFlight.size > 0) killsMidPush += 1;
        for (const attempt of ledger.inFlight) attempt.interrupted = true;
        server?.killNow();
      };
      if (mode === 'before-sync') strike();
      if (mode === 'push-sending') {
        if (random.chance(1 / 3)) hooks = { beforePushSent: strike };
        else hooks = { afterPushSent: strike };
      }
      if (mode === 'push-in-flight') {
        const ticks = random.chance(0.3) ? random.int(1, 30) : 0;
        // Half the time aim at the end of the request, where the commit happens.
        const median = ledger.medianPushMs();
        const ms = random.chance(0.5) ? random.next() * 1.5 * median : median * (0.6 + random.next() * 0.5);
        hooks = {
          afterPushSent: () => {
            hooks = {};
            if (ticks) void sleepTicks(ticks).then(strike);
            else setTimeout(strike, ms);
          },
        };
      }
      if (mode === 'push-answered') hooks = { onPushAnswered: strike };
      if (mode === 'push-committing') hooks = { onWalWrite: () => ledger.inFlight.size > 0 && strike() };
      if (mode === 'sync-started') setTimeout(strike, random.int(0, 15));

      const results = await Promise.allSettled(syncing.map(async (device) => syncOnce(device.db, device.api, await getDeviceId(device.db))));
      hooks = {};
      if (!fired) {
        // The round finished before the chosen moment: the kill lands between rounds.
        modes.set(`${mode} (missed: after the round)`, (modes.get(`${mode} (missed: after the round)`) ?? 0) + 1);
        strike();
      } else {
        modes.set(mode, (modes.get(mode) ?? 0) + 1);
      }
      await server.kill();
      for (const result of results) {
        if (result.status === 'fulfilled') continue;
        const error: unknown = result.reason;
        const kind = error instanceof SyncHttpError ? `SyncHttpError ${error.failure}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        failures.set(kind, (failures.get(kind) ?? 0) + 1);
        // Only the connection may fail (refused, reset, or an answer cut off mid-body, which
        // fetch reports as "TypeError: terminated"); a refused (400/403) batch would be a bug.
        const connection = error instanceof SyncHttpError ? error.failure === 'offline' : error instanceof TypeError && error.message === 'terminated';
        expect(connection, `${label}: sync failed with ${kind}`).toBe(true);
      }

      const restartStarted = performance.now();
      await server.start();
      restartMs += performance.now() - restartStarted;

      // Before any device retries: everything acknowledged survived the kill.
      checkServer(await serverRecords(baseUrl, reader.jar), created, `${label} after restart`);

      // The devices retry (the same batches) until they get through.
      await Promise.all(devices.map((device) => syncUntilDone(device)));
      const byId = checkServer(await serverRecords(baseUrl, reader.jar), created, `${label} after retries`);
      expect(byId.size, `${label}: entries on the server`).toBe(created.size);
      for (const device of devices) expect(await device.db.outbox.count(), `${label}: ${device.name} outbox`).toBe(0);
      // Every push the kill cut off was resent as the same batch (so the server could spot it).
      expect([...ledger.unanswered], `${label}: interrupted batches not resent as themselves`).toEqual([]);
    }

    // Everyone syncs twice more; then every device, a fresh one, and the server agree exactly.
    for (let round = 0; round < 2; round += 1) for (const device of devices) await syncUntilDone(device);
    const fresh = await newDevice('fresh', baseUrl);
    await syncUntilDone(fresh);
    const onServer = [...checkServer(await serverRecords(baseUrl, reader.jar), created, 'at the end').values()].sort((a, b) => a.id.localeCompare(b.id));
    expect(onServer).toHaveLength(created.size);
    for (const device of [...devices, fresh]) {
      const local: LogEntry[] = await device.db.logEntries.orderBy('id').toArray();
      expect(local, `${device.name} equals the server`).toEqual(onServer);
    }

    const seconds = (performance.now() - started) / 1000;
    console.log(
      [
        `sync crash test: seed ${SEED}: ${kills} SIGKILLs, ${killsMidPush} of them with a push under way (being sent or awaiting its answer), in ${seconds.toFixed(1)} s (restarts ${(restartMs / kills).toFixed(0)} ms on average)`,
        `  kill moments: ${[...modes].map(([m, n]) => `${m} ${n}`).join(', ')}`,
        `  ${created.size} entries; ${ledger.acknowledgedPushes} pushes acknowledged (${ledger.acknowledgedMutations} mutations, median ${ledger.medianPushMs().toFixed(1)} ms)`,
        `  pushes cut by a kill: ${ledger.committedButUnanswered} committed but unanswered (retry: applied=false), ` +
          `${ledger.notCommittedRetried} not committed (retry applied them), ${ledger.answeredDespiteKill} answered anyway`,
        `  failed rounds: ${[...failures].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`,
      ].join('\n'),
    );
  });
});
