// A push is applied through a write-behind buffer (src/server/storage/recordWriteBuffer.ts):
// records are read up front and written a batch at a time (decision 015). That must change
// nothing but speed. Here the same mutations are applied once as one batch and once one
// mutation per push, on SQLite and on PostgreSQL, and all four databases must end with exactly
// the same rows — records (docs and seqs), audiences, revocations — and the same refusals.
// Everything is deterministic (fixed ids, stamps and server time), so even seqs must agree.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc';
import type { Mutation, RejectedMutation } from '../../src/domain/sync/protocol';
import type { SyncTableName } from '../../src/domain/sync/syncTables';
import { loadAccess } from '../../src/server/access/loadAccess';
import { openPostgresStore } from '../../src/server/storage/postgresStore';
import { openSqliteStore } from '../../src/server/storage/sqliteStore';
import { UnstorableJsonError, type Store } from '../../src/server/storage/Store';
import { applyPush } from '../../src/server/sync/applyPush';
import { TEST_DATABASE_URL } from './support/storeTargets';

/** A store and a way to read its tables as they are, beside the Store API. */
interface Raw {
  readonly store: Store;
  dump(): Promise<Dump>;
}
interface Dump {
  readonly records: { table: string; id: string; owner: string; doc: unknown; seq: number }[];
  readonly audience: { token: string; table: string; id: string; seq: number }[];
  readonly revocations: { seq: number; table: string; id: string; token: string }[];
}

const cleanUps: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

/** Audience rows in one order whatever the database's collation. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (a: { table: string; id: string; token: string }, b: { table: string; id: string; token: string }): number =>
  compare(a.table, b.table) || compare(a.id, b.id) || compare(a.token, b.token);

function sqliteRaw(): Raw {
  const dir = mkdtempSync(join(tmpdir(), 'setwise-push-batch-'));
  const file = join(dir, 'setwise.sqlite');
  const store = openSqliteStore(file);
  cleanUps.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    store,
    async dump() {
      const db = new Database(file, { readonly: true });
      try {
        type Row = Record<string, string | number>;
        const all = (sql: string) => db.prepare(sql).all() as Row[];
        return {
          records: all('SELECT table_name, id, owner, doc, seq FROM records ORDER BY seq').map((r) => ({
            table: String(r.table_name),
            id: String(r.id),
            owner: String(r.owner),
            doc: JSON.parse(String(r.doc)) as unknown,
            seq: Number(r.seq),
          })),
          audience: all('SELECT token, table_name, id, seq FROM record_audience')
            .map((r) => ({ token: String(r.token), table: String(r.table_name), id: String(r.id), seq: Number(r.seq) }))
            .sort(byKey),
          revocations: all('SELECT seq, table_name, id, token FROM revocations ORDER BY seq').map((r) => ({
            seq: Number(r.seq),
            table: String(r.table_name),
            id: String(r.id),
            token: String(r.token),
          })),
        };
      } finally {
        db.close();
      }
    },
  };
}

let admin: pg.Pool | undefined;
async function postgresRaw(): Promise<Raw & { schema: string }> {
  if (!admin) {
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    pool.on('error', () => undefined);
    admin = pool;
    cleanUps.unshift(() => pool.end());
  }
  const pool = admin;
  const schema = `s_${randomBytes(8).toString('hex')}`;
  await pool.query(`CREATE SCHEMA ${schema}`);
  const store = openPostgresStore(TEST_DATABASE_URL, { schema, maxConnections: 4 });
  cleanUps.push(async () => {
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  return {
    schema,
    store,
    async dump() {
      const all = async (sql: string) => (await pool.query<Record<string, unknown>>(sql)).rows;
      return {
        records: (await all(`SELECT table_name, id, owner, doc, seq FROM ${schema}.records ORDER BY seq`)).map((r) => ({
          table: String(r.table_name),
          id: String(r.id),
          owner: String(r.owner),
          doc: r.doc,
          seq: Number(r.seq),
        })),
        audience: (await all(`SELECT token, table_name, id, seq FROM ${schema}.record_audience`))
          .map((r) => ({ token: String(r.token), table: String(r.table_name), id: String(r.id), seq: Number(r.seq) }))
          .sort(byKey),
        revocations: (await all(`SELECT seq, table_name, id, token FROM ${schema}.revocations ORDER BY seq`)).map((r) => ({
          seq: Number(r.seq),
          table: String(r.table_name),
          id: String(r.id),
          token: String(r.token),
        })),
      };
    },
  };
}

const NOW = new Date('2026-06-01T12:00:00.000Z');
const at = (minute: number): number => Date.UTC(2026, 4, 1) + minute * 60_000;

/** A deterministic mutation (the same ids in every run), every field stamped at `minute`. */
function change(table: SyncTableName, recordId: string, fields: Record<string, unknown>, minute: number, device = 'tablet-a'): Mutation {
  const hlc = formatHlc({ wallMs: at(minute), counter: 0, node: device });
  const withCreated = { ...fields, createdAt: new Date(at(minute)).toISOString() };
  return {
    mutationId: `${recordId}-at-${minute}`,
    table,
    recordId,
    fields: withCreated,
    clocks: Object.fromEntries(Object.keys(withCreated).map((field) => [field, hlc])),
    hlc,
  };
}

const entry = (body: string, visibility = 'private') => ({
  occurredAt: '2026-05-14T09:30:00.000Z',
  body,
  template: 'free',
  responses: {},
  tags: ['phonics'],
  challengeId: null,
  trialId: null,
  measureId: null,
  visibility,
  deletedAt: null,
});
const measure = (name: string, visibility = 'private') => ({
  name,
  unit: 'percent',
  unitLabel: '',
  baselineValue: 27,
  baselineDate: '2026-01-10',
  target: 70,
  challengeId: null,
  trialId: null,
  visibility,
  deletedAt: null,
});
const reading = (measureId: string, value: number) => ({ measureId, date: '2026-03-01', value, note: '', deletedAt: null });
const photo = (entryId: string) => ({ entryId, sha256: 'a'.repeat(64), mimeType: 'image/jpeg', width: 4, height: 3, bytes: 100, caption: '', deletedAt: null });

const A = { id: 'user-a', roles: ['participant'] };
const B = { id: 'user-b', roles: ['participant'] };
const C = { id: 'user-c', roles: ['coordinator', 'participant'] };
type Person = typeof A;

/** What earlier syncs left on the server, the same in every database. */
const SETUP: [Person, Mutation[]][] = [
  [
    A,
    [
      change('logEntries', 'e1', entry('First entry.'), 1),
      change('logEntries', 'e2', entry('Shared with the set.', 'set'), 2),
      change('logEntries', 'e3', entry('Third entry.'), 3),
      change('photos', 'p1', photo('e2'), 4),
      change('measures', 'm1', measure('Phonics check'), 5),
      change('readings', 'r1', reading('m1', 40), 6),
      change('logEntries', 'e4', entry('Shared with the set and the coach.', 'set_and_coach'), 8),
    ],
  ],
  [B, [change('logEntries', 'b1', entry('Not yours.'), 7, 'laptop-b')]],
];

/** A's next push: new records, edits, a repeat, a refusal, audience changes with dependents. */
function ownerBatch(): Mutation[] {
  const editE1 = change('logEntries', 'e1', { body: 'First entry, edited.' }, 20);
  return [
    change('logEntries', 'n1', entry('New on the tablet.'), 10),
    editE1,
    // Unshared: e2 and its photo lose the set's token (two revocations).
    change('logEntries', 'e2', { visibility: 'private' }, 21),
    editE1, // The same mutation again (same id): already applied, changes nothing.
    change('logEntries', 'b1', { body: 'Overwritten?' }, 22), // B's: refused.
    change('readings', 'r2', reading('m1', 55), 23), // A child of a stored parent.
    // Shared with the coach: both readings follow, one of them written earlier in this batch.
    change('measures', 'm1', { visibility: 'coach' }, 24),
    change('measures', 'm2', measure('Attendance', 'set'), 25),
    change('readings', 'r3', reading('m2', 91), 26), // A child of a parent made in this batch.
    change('logEntries', 'n1', { visibility: 'set' }, 27), // A record written again in the batch…
    change('logEntries', 'n1', { visibility: 'private' }, 28), // …and again: a revocation.
    change('logEntries', 'e3', { body: 'An older edit.' }, 0), // Loses every field: no change.
    change('logEntries', 'e4', { visibility: 'private' }, 34), // One write, two revocations (in token order).
    change('photos', 'p2', photo('n1'), 29),
    // Made shared and unshared before anything flushes the buffer: one flush plays both writes.
    change('logEntries', 'n2', entry('Shared, then not.', 'set'), 30),
    change('logEntries', 'n2', { visibility: 'private' }, 31),
    // Two edits of one record in the last flush: the second wins, with its own seq.
    change('logEntries', 'e1', { body: 'Edited twice.' }, 32),
    change('logEntries', 'e1', { tags: ['phonics', 'reading'] }, 33),
  ];
}

/** C's push: a cohort, then what only its coordinator may make (judged with rights the first gave). */
function coordinatorBatch(): Mutation[] {
  return [
    change('learningSets', 'set-early', { cohortId: 'k1', name: 'Before its cohort', deletedAt: null }, 40, 'desk-c'), // Refused.
    change('cohorts', 'k1', { name: 'Northfield', startsOn: '2026-09-01', endsOn: '2027-07-20', coordinatorIds: [C.id], deletedAt: null }, 41, 'desk-c'),
    change('learningSets', 's1', { cohortId: 'k1', name: 'Set A', deletedAt: null }, 42, 'desk-c'),
    change(
      'memberships',
      'ms1',
      { cohortId: 'k1', userId: A.id, displayName: 'Priya', role: 'participant', setId: 's1', coacheeId: null, status: 'active', withdrawnOn: null, deletedAt: null },
      43,
      'desk-c',
    ),
    change('learningSets', 'other', { cohortId: 'k-unknown', name: 'Not theirs', deletedAt: null }, 44, 'desk-c'), // Refused.
  ];
}

interface Outcome {
  readonly applied: boolean[];
  readonly rejected: RejectedMutation[];
  readonly touched: string[];
}

async function push(store: Store, person: Person, mutations: readonly Mutation[], batchId: string): Promise<Outcome> {
  const access = await loadAccess(store, person);
  const result = await applyPush(store, access, { batchId, deviceId: 'device', mutations: [...mutations] }, NOW);
  return { applied: [result.applied], rejected: result.rejected, touched: [...result.touchedTokens] };
}

/** Applies `mutations` as one batch, or as one push per mutation (each judged with access loaded afresh). */
async function apply(store: Store, person: Person, mutations: readonly Mutation[], oneByOne: boolean): Promise<Outcome> {
  if (!oneByOne) return push(store, person, mutations, 'the-batch');
  const outcomes: Outcome[] = [];
  for (const [index, mutation] of mutations.entries()) outcomes.push(await push(store, person, [mutation], `single-${index}`));
  return {
    applied: outcomes.flatMap((o) => o.applied),
    rejected: outcomes.flatMap((o) => o.rejected),
    touched: outcomes.flatMap((o) => o.touched),
  };
}

async function scenario(raw: Raw, oneByOne: boolean) {
  await raw.store.migrate();
  for (const [index, [person, mutations]] of SETUP.entries()) await push(raw.store, person, mutations, `setup-${index}`);
  const owner = await apply(raw.store, A, ownerBatch(), oneByOne);
  const coordinator = await apply(raw.store, C, coordinatorBatch(), oneByOne);
  // A replayed batch id applies nothing, on either path.
  const replay = oneByOne ? undefined : await push(raw.store, A, ownerBatch(), 'the-batch');
  return {
    rejected: [...owner.rejected, ...coordinator.rejected],
    touched: new Set([...owner.touched, ...coordinator.touched]),
    replayApplied: replay?.applied,
    dump: await raw.dump(),
  };
}

describe('a push batch gives exactly what its mutations pushed one by one give', () => {
  it('on SQLite and PostgreSQL alike: records, seqs, audiences, revocations and refusals', async () => {
    const runs = {
      sqliteBatch: await scenario(sqliteRaw(), false),
      sqliteOneByOne: await scenario(sqliteRaw(), true),
      postgresBatch: await scenario(await postgresRaw(), false),
      postgresOneByOne: await scenario(await postgresRaw(), true),
    };
    const reference = runs.sqliteOneByOne;
    // The scenario does what it says, so the comparison below compares something.
    expect(reference.rejected.map((r) => r.recordId)).toEqual(['b1', 'set-early', 'other']);
    expect(reference.dump.revocations.map((r) => `${r.id} ${r.token}`)).toEqual([
      'e2 share-set:user-a',
      'p1 share-set:user-a',
      'n1 share-set:user-a',
      'e4 share-coach:user-a',
      'e4 share-set:user-a',
      'n2 share-set:user-a',
    ]);
    expect(reference.dump.audience.filter((a) => a.id === 'r2').map((a) => a.token)).toEqual(['about:measures:m1', 'share-coach:user-a', 'user:user-a']);
    expect(reference.dump.records.find((r) => r.id === 'e3')?.doc).toMatchObject({ body: 'Third entry.' });
    expect(reference.dump.records.find((r) => r.id === 'e1')?.doc).toMatchObject({ body: 'Edited twice.', tags: ['phonics', 'reading'] });
    expect(runs.sqliteBatch.replayApplied).toEqual([false]);
    expect(runs.postgresBatch.replayApplied).toEqual([false]);

    for (const [name, run] of Object.entries(runs)) {
      expect({ name, dump: run.dump }).toEqual({ name, dump: reference.dump });
      expect({ name, rejected: run.rejected }).toEqual({ name, rejected: reference.rejected });
      expect({ name, touched: run.touched }).toEqual({ name, touched: reference.touched });
    }
  });
});

describe.each([
  ['sqlite', async () => sqliteRaw()],
  ['postgres', () => postgresRaw()],
] as const)('%s: a batch that fails part way', (_name, makeRaw) => {
  it('an unstorable doc after buffered writes: refused naming that record, nothing of the batch kept', async () => {
    const raw = await makeRaw();
    await raw.store.migrate();
    await push(raw.store, A, SETUP[0]?.[1] ?? [], 'setup');
    const before = await raw.dump();
    const mutations = [
      change('logEntries', 'ok-1', entry('Fine.'), 50),
      change('logEntries', 'e1', { body: 'Edited.' }, 51),
      change('logEntries', 'bad', entry('NUL \u0000 inside'), 52),
      change('logEntries', 'ok-2', entry('Never reached.'), 53),
    ];
    await expect(push(raw.store, A, mutations, 'failing')).rejects.toThrow(UnstorableJsonError);
    await expect(push(raw.store, A, mutations, 'failing')).rejects.toThrow(/logEntries bad/);
    expect(await raw.dump()).toEqual(before);
  });
});
