import { describe, expect, it } from 'vitest';
import { foldIntoOutboxRow } from '../../../src/app/db/foldIntoOutboxRow';
import type { OutboxRow } from '../../../src/app/db/rows';
import { formatHlc } from '../../../src/domain/hlc';

const s = (n: number) => formatHlc({ wallMs: Date.UTC(2026, 4, 14) + n, counter: 0, node: 'dev1' });

const row = (extra: Partial<OutboxRow>): OutboxRow => ({
  seq: 7,
  mutationId: 'mut-1',
  table: 'logEntries',
  recordId: 'e1',
  hlc: s(1),
  fields: { body: 'x' },
  clocks: { body: s(1) },
  createdAt: '2026-05-14T09:30:00.000Z',
  ...extra,
});

/** A row written before folding existed: no `clocks` at all. */
function legacy(extra: Partial<OutboxRow>): OutboxRow {
  const { clocks: _omitted, ...rest } = row(extra);
  return rest;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

type Case = {
  name: string;
  row: OutboxRow;
  change: { hlc: string; fields: Record<string, unknown> };
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  hlc: string;
};

const cases: Case[] = [
  {
    name: 'a legacy row without clocks gets every existing field stamped with its hlc',
    row: legacy({ hlc: s(3), fields: { body: 'x', tags: ['a'] } }),
    change: { hlc: s(5), fields: { visibility: 'coach' } },
    fields: { body: 'x', tags: ['a'], visibility: 'coach' },
    clocks: { body: s(3), tags: s(3), visibility: s(5) },
    hlc: s(5),
  },
  {
    name: 'a legacy row: an overwritten field takes the new stamp, the others keep the row hlc',
    row: legacy({ hlc: s(3), fields: { body: 'x', tags: ['a'] } }),
    change: { hlc: s(4), fields: { body: 'y' } },
    fields: { body: 'y', tags: ['a'] },
    clocks: { body: s(4), tags: s(3) },
    hlc: s(4),
  },
  {
    name: 'a new field gets the change’s stamp; existing fields keep their own stamps',
    row: row({ hlc: s(2), fields: { body: 'x', tags: [] }, clocks: { body: s(2), tags: s(1) } }),
    change: { hlc: s(6), fields: { measureId: 'm1' } },
    fields: { body: 'x', tags: [], measureId: 'm1' },
    clocks: { body: s(2), tags: s(1), measureId: s(6) },
    hlc: s(6),
  },
  {
    name: 'an overwritten field gets the new value and stamp',
    row: row({ hlc: s(2), fields: { body: 'x', tags: ['a'] }, clocks: { body: s(2), tags: s(1) } }),
    change: { hlc: s(3), fields: { tags: ['a', 'b'] } },
    fields: { body: 'x', tags: ['a', 'b'] },
    clocks: { body: s(2), tags: s(3) },
    hlc: s(3),
  },
  {
    name: 'null overwrites a value (restore after remove)',
    row: row({ hlc: s(2), fields: { deletedAt: '2026-05-14T09:31:00.000Z' }, clocks: { deletedAt: s(2) } }),
    change: { hlc: s(3), fields: { deletedAt: null } },
    fields: { deletedAt: null },
    clocks: { deletedAt: s(3) },
    hlc: s(3),
  },
  {
    name: 'several fields at once, some new, some overwritten',
    row: row({ hlc: s(2), fields: { body: 'x' }, clocks: { body: s(2) } }),
    change: { hlc: s(9), fields: { body: 'z', visibility: 'set' } },
    fields: { body: 'z', visibility: 'set' },
    clocks: { body: s(9), visibility: s(9) },
    hlc: s(9),
  },
  {
    name: 'the row hlc is the later of the two (a change stamped earlier does not move it back)',
    row: row({ hlc: s(8), fields: { body: 'x' }, clocks: { body: s(8) } }),
    change: { hlc: s(4), fields: { tags: ['a'] } },
    fields: { body: 'x', tags: ['a'] },
    clocks: { body: s(8), tags: s(4) },
    hlc: s(8),
  },
  {
    name: 'an empty change keeps fields and clocks (and fills in a legacy row’s clocks)',
    row: legacy({ hlc: s(2), fields: { body: 'x' } }),
    change: { hlc: s(3), fields: {} },
    fields: { body: 'x' },
    clocks: { body: s(2) },
    hlc: s(3),
  },
];

describe('foldIntoOutboxRow', () => {
  it.each(cases)('$name', ({ row: before, change, fields, clocks, hlc }) => {
    const input = deepFreeze(structuredClone(before));
    const folded = foldIntoOutboxRow(input, deepFreeze(structuredClone(change)));
    expect(folded.fields).toEqual(fields);
    expect(folded.clocks).toEqual(clocks);
    expect(folded.hlc).toBe(hlc);
    // Identity of the row is kept: same mutation, same place in the queue, same opening time.
    expect(folded).toMatchObject({ seq: before.seq, mutationId: before.mutationId, table: before.table, recordId: before.recordId });
    expect(folded.createdAt).toBe(before.createdAt);
    expect(folded.pushStartedAt).toBeUndefined();
    // Pure: the row passed in is left as it was.
    expect(input).toEqual(before);
  });

  it('does not share clocks or fields objects with the row passed in', () => {
    const before = row({ clocks: { body: s(1) } });
    const folded = foldIntoOutboxRow(before, { hlc: s(2), fields: { tags: ['a'] } });
    expect(folded.clocks).not.toBe(before.clocks);
    expect(folded.fields).not.toBe(before.fields);
    expect(before).toEqual(row({ clocks: { body: s(1) } }));
  });

  it('refuses to change a row being pushed', () => {
    const pushing = row({ pushStartedAt: '2026-05-14T09:32:00.000Z' });
    expect(() => foldIntoOutboxRow(pushing, { hlc: s(2), fields: { body: 'y' } })).toThrow(
      'An outbox row being pushed must not change.',
    );
    expect(pushing).toEqual(row({ pushStartedAt: '2026-05-14T09:32:00.000Z' }));
  });
});
