import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc';
import { applyPatch, mergeRecord, type RecordPatch } from '../../../src/domain/mergeRecord';
import type { SyncedRecord } from '../../../src/domain/syncedRecord';

type Rec = SyncedRecord & Record<string, unknown>;

const T = Date.UTC(2026, 4, 14, 9, 30);
/** Stamp `n` ms after T on a node; node 'a' sorts before node 'b'. */
const at = (n: number, node = 'a', counter = 0) => formatHlc({ wallMs: T + n, counter, node });
const iso = (minute: number) => new Date(T + minute * 60_000).toISOString();
const ID = '01900000-0000-7000-8000-0000000000aa';

function rec(fields: Record<string, unknown>, clocks: Record<string, string>, meta: Partial<SyncedRecord> = {}): Rec {
  return { id: ID, owner: 'user-1', createdAt: iso(0), updatedAt: iso(1), clocks, ...fields, ...meta } as Rec;
}

interface Case {
  name: string;
  a: Rec;
  b: Rec;
  expected: Rec;
}

const cases: Case[] = [
  {
    name: 'each field takes the value with the later stamp, independently',
    a: rec({ body: 'Tablet body', tags: ['walks'] }, { body: at(20), tags: at(10) }),
    b: rec({ body: 'Laptop body', tags: ['phonics'] }, { body: at(10), tags: at(20) }),
    expected: rec({ body: 'Tablet body', tags: ['phonics'] }, { body: at(20), tags: at(20) }),
  },
  {
    name: 'same wall time and counter: the node id in the stamp breaks the tie',
    a: rec({ body: 'from a' }, { body: at(5, 'a') }),
    b: rec({ body: 'from b' }, { body: at(5, 'b') }),
    expected: rec({ body: 'from b' }, { body: at(5, 'b') }),
  },
  {
    name: 'same wall time: the higher counter wins over the node id',
    a: rec({ body: 'counter 2' }, { body: at(5, 'a', 2) }),
    b: rec({ body: 'counter 1' }, { body: at(5, 'z', 1) }),
    expected: rec({ body: 'counter 2' }, { body: at(5, 'a', 2) }),
  },
  {
    name: 'a field present on one side only is kept, with its stamp',
    a: rec({ body: 'x', measureId: 'm1' }, { body: at(1), measureId: at(2) }),
    b: rec({ body: 'x' }, { body: at(1) }),
    expected: rec({ body: 'x', measureId: 'm1' }, { body: at(1), measureId: at(2) }),
  },
  {
    name: 'an unstamped default (from a schema upgrade) loses to any real edit',
    a: rec({ tags: [] }, {}),
    b: rec({ tags: ['phonics'] }, { tags: at(0) }),
    expected: rec({ tags: ['phonics'] }, { tags: at(0) }),
  },
  {
    name: 'unstamped fields on both sides still merge the same way round',
    a: rec({ template: 'free' }, {}),
    b: rec({ template: 'gibbs' }, {}),
    expected: rec({ template: 'gibbs' }, {}),
  },
  {
    name: 'a later delete wins: the tombstone is kept alongside a concurrent edit',
    a: rec({ body: 'old', deletedAt: iso(30) }, { body: at(1), deletedAt: at(30) }),
    b: rec({ body: 'edited', deletedAt: null }, { body: at(20), deletedAt: at(1) }),
    expected: rec({ body: 'edited', deletedAt: iso(30) }, { body: at(20), deletedAt: at(30) }),
  },
  {
    name: 'an edit made after a delete does not bring the record back',
    a: rec({ body: 'x', deletedAt: iso(10) }, { body: at(1), deletedAt: at(10) }),
    b: rec({ body: 'edited later', deletedAt: null }, { body: at(40), deletedAt: at(1) }),
    expected: rec({ body: 'edited later', deletedAt: iso(10) }, { body: at(40), deletedAt: at(10) }),
  },
  {
    name: 'undo of a delete (later stamp clearing deletedAt) wins over the delete',
    a: rec({ body: 'x', deletedAt: iso(10) }, { body: at(1), deletedAt: at(10) }),
    b: rec({ body: 'x', deletedAt: null }, { body: at(1), deletedAt: at(11) }),
    expected: rec({ body: 'x', deletedAt: null }, { body: at(1), deletedAt: at(11) }),
  },
  {
    name: 'an older delete loses to a later undo from another device',
    a: rec({ deletedAt: iso(50) }, { deletedAt: at(50, 'b') }),
    b: rec({ deletedAt: null }, { deletedAt: at(50, 'c') }),
    expected: rec({ deletedAt: null }, { deletedAt: at(50, 'c') }),
  },
  {
    name: 'fields this version does not know are merged and kept',
    a: rec({ body: 'x', moodScore: 4 }, { body: at(1), moodScore: at(9) }),
    b: rec({ body: 'x', moodScore: 2, energy: { am: 3 } }, { body: at(1), moodScore: at(3), energy: at(3) }),
    expected: rec({ body: 'x', moodScore: 4, energy: { am: 3 } }, { body: at(1), moodScore: at(9), energy: at(3) }),
  },
  {
    name: 'updatedAt is the later of the two, even when the other copy wins the content',
    a: rec({ body: 'wins' }, { body: at(99) }, { updatedAt: iso(5) }),
    b: rec({ body: 'loses' }, { body: at(1) }, { updatedAt: iso(500) }),
    expected: rec({ body: 'wins' }, { body: at(99) }, { updatedAt: iso(500) }),
  },
  {
    name: 'owner and createdAt come from the copy created first',
    a: rec({ body: 'x' }, { body: at(2) }, { owner: 'user-1', createdAt: iso(0) }),
    b: rec({ body: 'y' }, { body: at(1) }, { owner: 'user-2', createdAt: iso(3), updatedAt: iso(4) }),
    expected: rec({ body: 'x' }, { body: at(2) }, { owner: 'user-1', createdAt: iso(0), updatedAt: iso(4) }),
  },
];

describe('mergeRecord', () => {
  it.each(cases)('$name', ({ a, b, expected }) => {
    expect(mergeRecord(a, b)).toEqual(expected);
    expect(mergeRecord(b, a)).toEqual(expected);
  });

  it('copies with the same createdAt but different owners merge the same either way round', () => {
    const local = rec({ body: 'x' }, { body: at(1) }, { owner: 'local' });
    const server = rec({ body: 'x' }, { body: at(1) }, { owner: 'user-1' });
    expect(mergeRecord(local, server)).toEqual(mergeRecord(server, local));
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecord(rec({}, {}), rec({}, {}, { id: 'other' }))).toThrow(/Cannot merge different records/);
  });

  it('does not change either input', () => {
    const a = rec({ body: 'a' }, { body: at(2) });
    const b = rec({ body: 'b' }, { body: at(1) });
    const [aCopy, bCopy] = [structuredClone(a), structuredClone(b)];
    mergeRecord(a, b);
    expect([a, b]).toEqual([aCopy, bCopy]);
  });
});

describe('applyPatch', () => {
  const current = rec({ body: 'draft', tags: ['walks'], deletedAt: null }, { body: at(10), tags: at(10), deletedAt: at(10) });
  const patch = (hlc: string, fields: Record<string, unknown>): RecordPatch => ({ recordId: ID, hlc, fields });

  const patchCases: { name: string; p: RecordPatch; expected: Rec }[] = [
    {
      name: 'a newer patch sets only its fields, each stamped with the patch',
      p: patch(at(20), { body: 'final' }),
      expected: { ...current, body: 'final', clocks: { ...current.clocks, body: at(20) }, updatedAt: iso(9) },
    },
    {
      name: 'a stale patch arriving late changes nothing but updatedAt',
      p: patch(at(5), { body: 'stale', tags: [] }),
      expected: { ...current, updatedAt: iso(9) },
    },
    {
      name: 'a delete patch sets the tombstone; the content stays',
      p: patch(at(30), { deletedAt: iso(30) }),
      expected: { ...current, deletedAt: iso(30), clocks: { ...current.clocks, deletedAt: at(30) }, updatedAt: iso(9) },
    },
    {
      name: 'identity fields in a patch are ignored',
      p: patch(at(40), { id: 'hijack', owner: 'someone-else', createdAt: iso(99), clocks: {} }),
      expected: { ...current, updatedAt: iso(9) },
    },
    {
      name: 'a new unknown field from a newer app version is added',
      p: patch(at(40), { moodScore: 5 }),
      expected: { ...current, moodScore: 5, clocks: { ...current.clocks, moodScore: at(40) }, updatedAt: iso(9) },
    },
  ];

  it.each(patchCases)('$name', ({ p, expected }) => {
    expect(applyPatch(current, p, iso(9))).toEqual(expected);
  });

  it('undo: a delete followed by a later restore leaves the record live with its content', () => {
    const deleted = applyPatch(current, patch(at(30), { deletedAt: iso(30) }), iso(30));
    const restored = applyPatch(deleted, patch(at(31), { deletedAt: null }), iso(31));
    expect(restored).toEqual({ ...current, clocks: { ...current.clocks, deletedAt: at(31) }, updatedAt: iso(31) });
  });
});
