// Sharing at set scale: a set of 8 participants and a facilitator, each participant with
// `perMember` records of which half are shared with the set. Measures, over loopback HTTP
// against the real server: a member's first pull of everything they may see (their own and
// what the others shared), and the time of one small push (which works out the pusher's access
// from their memberships on every request).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORD_RULES } from '../../src/domain/access/recordRules';
import { formatHlc } from '../../src/domain/hlc';
import type { SyncTableName } from '../../src/domain/sync/syncTables';
import { createAccount } from '../../src/server/auth/accounts';
import { createServer } from '../../src/server/createServer';
import { postgresTarget, sqliteTarget, type StoreTarget } from '../integration/support/storeTargets';
import { BENCH } from './benchApp';
import { count, median, medianSpread, ms, repeat, seconds, type Rows } from './stats';

const PASSWORD = 'a sensible passphrase';
const MEMBERS = 8;
const PUSHES = 50;

export const SHARING_NOTE =
  `Sharing: ${MEMBERS} participants of one set, their entries written straight into the server's store (half of each member's shared with the set), then over loopback HTTP one member's first pull of everything they may see (pages of 1,000), and ${PUSHES} one-entry pushes one after another (each works out the pusher's access from their memberships); each run on a new database.`;

export interface SetPullTiming {
  readonly visible: number;
  readonly pullMs: number;
  readonly pushMedianMs: number;
}

export async function measureSetPull(target: StoreTarget, perMember: number): Promise<SetPullTiming> {
  const site = mkdtempSync(join(tmpdir(), 'setwise-bench-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Setwise</title>');
  const store = await (await target.newDatabase()).openMigrated();
  const people = await Promise.all(
    Array.from({ length: MEMBERS + 1 }, (_, i) =>
      createAccount(store, { email: `member${i}@oakfield.example`, displayName: `Member ${i}`, roles: i === 0 ? ['coordinator'] : ['participant'], password: PASSWORD }),
    ),
  );
  const [coordinator, ...members] = people;
  if (!coordinator) throw new Error('no coordinator');
  const stamp = formatHlc({ wallMs: Date.now() - 60_000, counter: 0, node: 'bench' });
  const iso = new Date().toISOString();
  const put = async (table: SyncTableName, owner: string, fields: Record<string, unknown>, id: string = crypto.randomUUID()) => {
    const doc = { ...fields, id, owner, createdAt: iso, updatedAt: iso, deletedAt: null, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])) };
    await store.transaction((tx) => tx.putRecord(table, doc.id, owner, doc, RECORD_RULES[table].audience(doc, undefined)));
  };
  const cohortId = crypto.randomUUID();
  const setId = crypto.randomUUID();
  await put('cohorts', coordinator.id, { name: 'Bench cohort', startsOn: '2026-09-01', endsOn: '2027-07-20', coordinatorIds: [coordinator.id] }, cohortId);
  await put('learningSets', coordinator.id, { cohortId, name: 'Set A' }, setId);
  for (const member of members) {
    await put('memberships', coordinator.id, { cohortId, userId: member.id, displayName: member.displayName, role: 'participant', setId, coacheeId: null, status: 'active', withdrawnOn: null });
  }
  // Records written in batches of 500 per transaction, as pushes would.
  for (const member of members) {
    for (let start = 0; start < perMember; start += 500) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(perMember, start + 500); i += 1) {
          const fields = { occurredAt: iso, body: `Entry ${i}: learning walk notes, KS1 phonics.`, template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: i % 2 === 0 ? 'set' : 'private' };
          const doc = { ...fields, id: crypto.randomUUID(), owner: member.id, createdAt: iso, updatedAt: iso, deletedAt: null, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])) };
          await tx.putRecord('logEntries', doc.id, member.id, doc, RECORD_RULES.logEntries.audience(doc, undefined));
        }
      });
    }
  }
  const app = await createServer({ staticDir: site, dataDir: join(site, 'data'), store, logLevel: 'warn' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'member1@oakfield.example', password: PASSWORD }) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    let visible = 0;
    let after = 0;
    const pullStart = performance.now();
    for (;;) {
      const page = (await (await fetch(`${base}/api/sync/pull?after=${after}&limit=1000`, { headers: { cookie } })).json()) as { records: unknown[]; cursor: number; hasMore: boolean };
      visible += page.records.length;
      after = page.cursor;
      if (!page.hasMore) break;
    }
    const pullMs = performance.now() - pullStart;
    const pushes: number[] = [];
    for (let i = 0; i < PUSHES; i += 1) {
      const fields = { occurredAt: iso, body: `Quick note ${i}`, template: 'free', responses: {}, tags: [], challengeId: null, trialId: null, measureId: null, visibility: 'set', deletedAt: null };
      const hlc = formatHlc({ wallMs: Date.now() - 1000, counter: i, node: 'benchdevice' });
      const body = { batchId: crypto.randomUUID(), deviceId: 'benchdevice', mutations: [{ mutationId: crypto.randomUUID(), table: 'logEntries', recordId: crypto.randomUUID(), fields, clocks: Object.fromEntries(Object.keys(fields).map((f) => [f, hlc])), hlc }] };
      const start = performance.now();
      const res = await fetch(`${base}/api/sync/push`, { method: 'POST', headers: { cookie, 'x-setwise-csrf': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`push failed: ${res.status}`);
      pushes.push(performance.now() - start);
    }
    return { visible, pullMs, pushMedianMs: median(pushes) };
  } finally {
    await app.close();
    await store.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/** The set-scale figures on SQLite, then on PostgreSQL: BENCH.runs runs each, of BENCH.records entries in all. */
export async function sharingRows(): Promise<Rows> {
  const perMember = Math.round(BENCH.records / MEMBERS);
  const rows: Rows = [];
  for (const makeTarget of [sqliteTarget, postgresTarget]) {
    const target = makeTarget();
    try {
      const runs = await repeat(BENCH.runs, () => measureSetPull(target, perMember));
      const visible = new Set(runs.map((run) => run.visible));
      if (visible.size !== 1) throw new Error(`The member saw different numbers of records: ${[...visible].join(', ')}`);
      rows.push([
        `Sharing, ${target.name}: a set member's first pull of what they may see (${MEMBERS} members × ${count(perMember)} entries, half shared; ${count(runs[0]?.visible ?? 0)} records)`,
        medianSpread(runs.map((run) => run.pullMs), seconds),
      ]);
      rows.push([
        `Sharing, ${target.name}: one small push, access worked out from memberships (median of ${PUSHES} pushes per run)`,
        medianSpread(runs.map((run) => run.pushMedianMs), ms),
      ]);
    } finally {
      await target.cleanUp();
    }
  }
  return rows;
}
