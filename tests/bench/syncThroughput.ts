// Sync throughput: N log entries written on one device are pushed to a real server over HTTP
// (loopback) and pulled into a second, empty device. The devices run the app's real sync code
// on fake-indexeddb in Node.
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepositories } from '../../src/app/db/createRepositories';
import { getDeviceId } from '../../src/app/db/deviceClock';
import { SetwiseDatabase } from '../../src/app/db/SetwiseDatabase';
import { createSyncApi } from '../../src/app/sync/createSyncApi';
import { pullRemoteChanges } from '../../src/app/sync/pullRemoteChanges';
import { pushPendingChanges } from '../../src/app/sync/pushPendingChanges';
import { createAccount } from '../../src/server/auth/accounts';
import { createServer } from '../../src/server/createServer';
import { postgresTarget, sqliteTarget, type StoreTarget } from '../integration/support/storeTargets';
import { BENCH } from './benchApp';
import { count as formatCount, medianSpread, repeat, seconds, type Rows } from './stats';

export const SYNC_NOTE =
  'Sync: the app\'s real sync code (fake-indexeddb in Node) against the real server over loopback HTTP, on SQLite and on PostgreSQL; in each run a new database and two new devices: the records written on one device are pushed, then pulled into the second, empty device.';

const PASSWORD = 'a sensible passphrase';

function cookieFetch(): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
}

export interface SyncTiming {
  readonly pushMs: number;
  readonly pullMs: number;
}

/** One run: a fresh database from `target`, `count` entries, push then pull. */
export async function measureSyncThroughput(target: StoreTarget, count: number): Promise<SyncTiming> {
  const site = mkdtempSync(join(tmpdir(), 'setwise-bench-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Setwise</title>');
  const store = await (await target.newDatabase()).openMigrated();
  await createAccount(store, { email: 'bench@oakfield.example', displayName: 'Priya Shah', roles: ['participant'], password: PASSWORD });
  const app = await createServer({ staticDir: site, dataDir: join(site, 'data'), store, logLevel: 'warn' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const devices: SetwiseDatabase[] = [];
  try {
    const device = async () => {
      const f = cookieFetch();
      const signIn = await f(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@oakfield.example', password: PASSWORD }),
      });
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      const db = new SetwiseDatabase(`bench-${crypto.randomUUID()}`);
      devices.push(db);
      return { db, api: createSyncApi({ baseUrl: base, fetch: f, csrfToken: () => csrfToken }) };
    };
    const writer = await device();
    const repositories = createRepositories(writer.db);
    for (let i = 0; i < count; i += 1) {
      await repositories.logEntries.create({ occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), body: `Entry ${i}: learning walk notes, KS1 phonics.`, tags: ['phonics'] });
    }
    const pushStart = performance.now();
    const pushed = await pushPendingChanges(writer.db, writer.api, await getDeviceId(writer.db));
    const pushMs = performance.now() - pushStart;
    const reader = await device();
    const pullStart = performance.now();
    const pulled = await pullRemoteChanges(reader.db, reader.api);
    const pullMs = performance.now() - pullStart;
    if (pushed !== count || pulled !== count) throw new Error(`expected ${count}, pushed ${pushed}, pulled ${pulled}`);
    return { pushMs, pullMs };
  } finally {
    await app.close();
    for (const db of devices) {
      db.close();
      await db.delete();
    }
    rmSync(site, { recursive: true, force: true });
  }
}

/** Push and pull on SQLite, then on PostgreSQL: BENCH.runs runs each. */
export async function syncRows(): Promise<Rows> {
  const rows: Rows = [];
  for (const makeTarget of [sqliteTarget, postgresTarget]) {
    const target = makeTarget();
    try {
      const runs = await repeat(BENCH.runs, () => measureSyncThroughput(target, BENCH.records));
      rows.push([`Sync, ${target.name}: push ${formatCount(BENCH.records)} records`, medianSpread(runs.map((run) => run.pushMs), seconds)]);
      rows.push([`Sync, ${target.name}: pull them into a second device`, medianSpread(runs.map((run) => run.pullMs), seconds)]);
    } finally {
      await target.cleanUp();
    }
  }
  return rows;
}
