import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc } from '../../../src/domain/hlc';
import { applyPatch, mergeRecord, type RecordPatch } from '../../../src/domain/mergeRecord';
import type { SyncedRecord } from '../../../src/domain/syncedRecord';

const seed = Number(process.env.FC_SEED ?? 20261122);
console.log('fast-check seed', seed);

type Rec = SyncedRecord & Record<string, unknown>;

const ID = '01900000-0000-7000-8000-0000000000bb';
const T = Date.UTC(2026, 4, 14, 9, 30);
const iso = (n: number) => new Date(T + n * 1000).toISOString();
const FIELDS = ['body', 'tags', 'deletedAt', 'moodScore'] as const;

/** Small ranges so that equal walls and counters (ties broken by node) come up often. */
const stampArb = fc
  .record({ wall: fc.integer({ min: 0, max: 4 }), counter: fc.integer({ min: 0, max: 2 }), node: fc.constantFrom('a', 'b', 'c') })
  .map(({ wall, counter, node }) => formatHlc({ wallMs: T + wall, counter, node }));

const valueArb = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constant(null),
  fc.array(fc.constantFrom('phonics', 'walks', 'KS1'), { maxLength: 3 }),
  fc.integer({ min: 0, max: 5 }),
);

/**
 * Every stamp names one write, so a stamp always carries the same value: for each field a set of
 * writes with distinct stamps. Unstamped "legacy" values (schema-upgrade defaults) may differ freely.
 */
const worldArb = fc.record({
  writes: fc.record(
    Object.fromEntries(
      FIELDS.map((f) => [
        f,
        fc.uniqueArray(fc.record({ hlc: stampArb, value: valueArb }), { selector: (w) => w.hlc, minLength: 1, maxLength: 4 }),
      ]),
    ) as Record<(typeof FIELDS)[number], fc.Arbitrary<{ hlc: string; value: unknown }[]>>,
  ),
  legacy: fc.array(valueArb, { minLength: 1, maxLength: 3 }),
});
type World = { writes: Record<string, { hlc: string; value: unknown }[]>; legacy: unknown[] };

/** For each field: absent, an unstamped legacy value, or one of the writes (by index). */
const copySpecArb = fc.record({
  owner: fc.constantFrom('local', 'user-1', 'user-2'),
  created: fc.integer({ min: 0, max: 1 }),
  updated: fc.integer({ min: 0, max: 5 }),
  fields: fc.array(
    fc.oneof(
      fc.constant({ kind: 'absent' as const }),
      fc.record({ kind: fc.constant('legacy' as const), i: fc.nat() }),
      fc.record({ kind: fc.constant('write' as const), i: fc.nat() }),
    ),
    { minLength: FIELDS.length, maxLength: FIELDS.length },
  ),
});
type CopySpec = typeof copySpecArb extends fc.Arbitrary<infer S> ? S : never;

function buildCopy(world: World, spec: CopySpec): Rec {
  const record: Record<string, unknown> = {
    id: ID,
    owner: spec.owner,
    createdAt: iso(spec.created),
    updatedAt: iso(10 + spec.updated),
  };
  const clocks: Record<string, string> = {};
  FIELDS.forEach((field, k) => {
    const choice = spec.fields[k];
    if (!choice || choice.kind === 'absent') return;
    if (choice.kind === 'legacy') {
      record[field] = world.legacy[choice.i % world.legacy.length];
    } else {
      const writes = world.writes[field] ?? [];
      const write = writes[choice.i % writes.length];
      if (!write) return;
      record[field] = write.value;
      clocks[field] = write.hlc;
    }
  });
  return { ...record, clocks } as Rec;
}

const copiesArb = (n: number) =>
  fc.tuple(worldArb, fc.array(copySpecArb, { minLength: n, maxLength: n })).map(([world, specs]) => specs.map((s) => buildCopy(world, s)));

describe('mergeRecord properties', () => {
  it('is commutative: merge(a, b) equals merge(b, a)', () => {
    fc.assert(
      fc.property(copiesArb(2), ([a, b]) => {
        expect(mergeRecord(a!, b!)).toEqual(mergeRecord(b!, a!));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('is idempotent: merge(a, a) equals a', () => {
    fc.assert(
      fc.property(copiesArb(1), ([a]) => {
        expect(mergeRecord(a!, a!)).toEqual(a);
        expect(mergeRecord(a!, structuredClone(a!))).toEqual(a);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('is associative: merge(merge(a, b), c) equals merge(a, merge(b, c))', () => {
    fc.assert(
      fc.property(copiesArb(3), ([a, b, c]) => {
        expect(mergeRecord(mergeRecord(a!, b!), c!)).toEqual(mergeRecord(a!, mergeRecord(b!, c!)));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('keeps, for each stamped field, the value of the latest stamp among the copies', () => {
    fc.assert(
      fc.property(copiesArb(3), (copies) => {
        const merged = copies.reduce((x, y) => mergeRecord(x, y));
        for (const field of FIELDS) {
          const stamped = copies.filter((c) => c.clocks[field]);
          if (stamped.length === 0) continue;
          const latest = stamped.reduce((x, y) => (compareHlc(x.clocks[field]!, y.clocks[field]!) >= 0 ? x : y));
          expect(merged[field]).toEqual(latest[field]);
          expect(merged.clocks[field]).toBe(latest.clocks[field]);
        }
        expect(merged.updatedAt).toBe(copies.map((c) => c.updatedAt).sort().at(-1));
      }),
      { seed, numRuns: 300 },
    );
  });
});

describe('applyPatch properties', () => {
  /** Patches with distinct stamps (one per write), each setting some of the fields. */
  const patchesArb = fc.uniqueArray(
    fc.record({
      wall: fc.integer({ min: 0, max: 30 }),
      counter: fc.integer({ min: 0, max: 2 }),
      node: fc.constantFrom('a', 'b'),
      fields: fc.dictionary(fc.constantFrom(...FIELDS), valueArb, { minKeys: 1, maxKeys: 3 }),
    }),
    { selector: (p) => `${p.wall}:${p.counter}:${p.node}`, minLength: 1, maxLength: 8 },
  );

  const toPatch = (p: { wall: number; counter: number; node: string; fields: Record<string, unknown> }) => ({
    patch: {
      recordId: ID,
      hlc: formatHlc({ wallMs: T + p.wall, counter: p.counter, node: p.node }),
      fields: p.fields,
    } as RecordPatch,
    updatedAt: iso(100 + p.wall),
  });

  const base = {
    ...{ id: ID, owner: 'local', createdAt: iso(0), updatedAt: iso(0), deletedAt: null, clocks: {} },
    ...{ body: '', tags: [] },
  } as Rec;

  it('the same patches in any order, with duplicates, give the same record', () => {
    const scenarioArb = patchesArb.chain((raw) => {
      const patches = raw.map(toPatch);
      const indices = patches.map((_, i) => i);
      return fc.tuple(
        fc.constant(patches),
        fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length }),
        fc.array(fc.constantFrom(...indices), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 6 }),
      );
    });
    fc.assert(
      fc.property(scenarioArb, ([patches, permutation, duplicates, positions]) => {
        const order = [...permutation];
        duplicates.forEach((d, k) => order.splice((positions[k] ?? 0) % (order.length + 1), 0, d));
        const inStampOrder = [...patches].sort((x, y) => compareHlc(x.patch.hlc, y.patch.hlc));
        const reference = inStampOrder.reduce((r, p) => applyPatch(r, p.patch, p.updatedAt), base);
        const shuffled = order.reduce((r, i) => applyPatch(r, patches[i]!.patch, patches[i]!.updatedAt), base);
        expect(shuffled).toEqual(reference);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('each field ends with the value of the latest patch that set it', () => {
    fc.assert(
      fc.property(patchesArb, (raw) => {
        const patches = raw.map(toPatch);
        const result = patches.reduce((r, p) => applyPatch(r, p.patch, p.updatedAt), base);
        for (const field of FIELDS) {
          const setting = patches.filter((p) => field in p.patch.fields);
          if (setting.length === 0) {
            expect(result[field]).toEqual(base[field]);
            continue;
          }
          const latest = setting.reduce((x, y) => (compareHlc(x.patch.hlc, y.patch.hlc) > 0 ? x : y));
          expect(result[field]).toEqual(latest.patch.fields[field]);
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});
