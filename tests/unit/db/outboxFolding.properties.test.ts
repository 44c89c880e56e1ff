import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/app/db/createRepositories';
import type { OutboxRow } from '../../../src/app/db/rows';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { compareHlc } from '../../../src/domain/hlc';
import { mergeRecord } from '../../../src/domain/mergeRecord';
import { IDENTITY_FIELDS, type SyncedRecord } from '../../../src/domain/syncedRecord';
import { markOutboxPushing } from './support/markOutboxPushing';

const seed = Number(process.env.FC_SEED ?? 20261122);
console.log('fast-check seed', seed);

const occurredAt = '2026-05-14T09:30:00.000Z';
const MAX_ENTRIES = 3;

/**
 * One step of a session on the device. Small value sets, so that edits which change nothing
 * (same body, same tags, a second remove) come up often.
 */
const entryArb = fc.nat({ max: MAX_ENTRIES - 1 });
const commandArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('body' as const), entry: entryArb, body: fc.constantFrom('a', 'ab', 'abc', 'b') }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('tags' as const), entry: entryArb, tags: fc.subarray(['KS1', 'walks', 'phonics']) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), entry: entryArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), entry: entryArb }) },
  // The sync engine starts pushing: every row so far, or only the rows of one record.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('push' as const), entry: fc.option(entryArb, { nil: undefined }) }) },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

const scenarioArb = fc.record({
  entries: fc.integer({ min: 1, max: MAX_ENTRIES }),
  commands: fc.array(commandArb, { maxLength: 25 }),
});

/** What a row pushes for one field: its value at the row's own stamp for that field (legacy rows: the row hlc). */
function rowAsCopy(row: OutboxRow, base: SyncedRecord): SyncedRecord {
  const clocks = row.clocks ?? Object.fromEntries(Object.keys(row.fields).map((field) => [field, row.hlc]));
  const { id, owner, createdAt, updatedAt } = base;
  return { ...row.fields, id, owner, createdAt, updatedAt, clocks } as SyncedRecord;
}

/** The content a peer would agree on: every merged field and its clock, without identity and updatedAt. */
function content(record: SyncedRecord): Record<string, unknown> {
  const merged = (field: string) => field === 'clocks' || (!IDENTITY_FIELDS.has(field) && field !== 'updatedAt');
  return Object.fromEntries(Object.entries(record).filter(([field]) => merged(field)));
}

async function run(db: SetwiseDatabase, entries: number, commands: readonly Command[]): Promise<void> {
  const repos = createRepositories(db);
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) ids.push((await repos.logEntries.create({ occurredAt, body: `entry ${i}` })).id);
  /** Rows seen being pushed, as they were when the push started. */
  const frozen = new Map<number, OutboxRow>();
  for (const command of commands) {
    if (command.kind === 'push') {
      if (command.entry === undefined) await markOutboxPushing(db);
      else {
        const target = ids[command.entry % entries];
        const at = new Date().toISOString();
        await db.outbox
          .filter((row) => row.recordId === target)
          .modify((row) => {
            row.pushStartedAt ??= at;
          });
      }
      for (const row of await db.outbox.toArray()) {
        if (row.pushStartedAt && !frozen.has(row.seq!)) frozen.set(row.seq!, structuredClone(row));
      }
      continue;
    }
    const id = ids[command.entry % entries]!;
    if (command.kind === 'body') await repos.logEntries.update(id, { body: command.body });
    else if (command.kind === 'tags') await repos.logEntries.update(id, { tags: command.tags });
    else if (command.kind === 'remove') await repos.logEntries.remove(id);
    else await repos.logEntries.restore(id);
  }

  const rows = await db.outbox.orderBy('seq').toArray();
  const records = await db.logEntries.bulkGet(ids);

  // Replaying every row in order, merged field by field, rebuilds exactly what the device holds.
  for (const [i, id] of ids.entries()) {
    const stored = records[i]!;
    const { owner, createdAt, updatedAt } = stored;
    const empty = { id, owner, createdAt, updatedAt, clocks: {} } as SyncedRecord;
    const own = rows.filter((row) => row.recordId === id);
    const replayed = own.reduce((copy, row) => mergeRecord(copy, rowAsCopy(row, stored)), empty);
    expect(content(replayed)).toEqual(content(stored));
  }

  // A row being pushed is never changed; per record, only the last row may be unsent.
  for (const row of rows) if (frozen.has(row.seq!)) expect(row).toEqual(frozen.get(row.seq!));
  expect([...frozen.keys()].every((seq) => rows.some((row) => row.seq === seq))).toBe(true);
  for (const [i, id] of ids.entries()) {
    const own = rows.filter((row) => row.recordId === id);
    expect(own.slice(0, -1).every((row) => row.pushStartedAt)).toBe(true);
    const last = own.at(-1)!;
    for (const [field, stamp] of Object.entries(last.clocks!)) expect(stamp).toBe(records[i]!.clocks[field]);
    expect(Object.keys(last.clocks!).sort()).toEqual(Object.keys(last.fields).sort());
  }

  // Each row's hlc is its latest field stamp, and rows of one record are stamped in order.
  for (const row of rows) expect(row.hlc).toBe(Object.values(row.clocks!).sort(compareHlc).at(-1));
  for (const id of ids) {
    const stamps = rows.filter((row) => row.recordId === id).map((row) => row.hlc);
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBeLessThan(0);
  }
}

describe('outbox folding (property)', () => {
  it('replaying all outbox rows in order, field by field, yields each stored record exactly', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ entries, commands }) => {
        const db = new SetwiseDatabase('test-' + crypto.randomUUID());
        try {
          await run(db, entries, commands);
        } finally {
          await db.delete();
        }
      }),
      { seed, numRuns: 100 },
    );
  }, 60_000);
});
