// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DeviceLockedError, type DataKeys } from '../../../../src/app/db/encryption/deviceKeyring';
import { UnsealableValueError } from '../../../../src/app/db/encryption/encodeRowContent';
import { openRow } from '../../../../src/app/db/encryption/openRow';
import type { SealingPlan } from '../../../../src/app/db/encryption/sealingPlan';
import { SEALED_FIELD, sealRow } from '../../../../src/app/db/encryption/sealRow';

const keys: DataKeys = { sealKey: new Uint8Array(32).fill(7), blindKey: new Uint8Array(32).fill(9) };
const plan: SealingPlan = { table: 'logEntries', primaryKeyField: 'id', clearFields: ['id', 'occurredAt'], blindFields: ['tags'], clearRowKeys: new Set() };

describe('sealing one row', () => {
  it.each([
    ['plain text and dates', { id: 'e1', occurredAt: '2026-11-20', body: 'Spoke with the Y2 team.' }],
    ['accents, emoji and line breaks', { id: 'e2', occurredAt: '2026-11-20', body: 'Café — “quoted” 🎉\nnew line' }],
    ['nested objects, arrays and nulls', { id: 'e3', occurredAt: '2026-11-20', responses: { a: ['x', null] }, measureId: null }],
    ['a field a newer version added', { id: 'e4', occurredAt: '2026-11-20', body: 'x', mood: { level: 3 } }],
    ['tags', { id: 'e5', occurredAt: '2026-11-20', tags: ['phonics', 'KS1'] }],
    ['bytes', { id: 'e6', occurredAt: '2026-11-20', data: new Uint8Array([0, 1, 254, 255]) }],
  ])('gives back exactly what went in: %s', (_name, row) => {
    const stored = sealRow(row, plan, keys) as Record<string, unknown>;
    expect(stored[SEALED_FIELD]).toBeInstanceOf(Uint8Array);
    expect(stored.id).toBe(row.id);
    expect(stored.occurredAt).toBe(row.occurredAt);
    expect(stored.body).toBeUndefined();
    expect(openRow(stored, plan, keys)).toEqual(row);
  });

  it('gives back an ArrayBuffer as an ArrayBuffer', () => {
    const data = new Uint8Array([5, 6, 7]).buffer;
    const opened = openRow(sealRow({ id: 'p', data }, plan, keys), plan, keys) as { data: ArrayBuffer };
    expect(opened.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(opened.data)]).toEqual([5, 6, 7]);
  });

  it('uses a fresh nonce each time: the same row never gives the same ciphertext', () => {
    const row = { id: 'e1', body: 'same' };
    const a = sealRow(row, plan, keys) as Record<string, Uint8Array>;
    const b = sealRow(row, plan, keys) as Record<string, Uint8Array>;
    expect(a[SEALED_FIELD]).not.toEqual(b[SEALED_FIELD]);
  });

  it('keeps equal tags equal as tokens, without the words', () => {
    const a = sealRow({ id: 'a', tags: ['phonics'] }, plan, keys) as { tags: string[] };
    const b = sealRow({ id: 'b', tags: ['phonics', 'KS1'] }, plan, keys) as { tags: string[] };
    expect(b.tags[0]).toBe(a.tags[0]);
    expect(JSON.stringify([a, b])).not.toContain('phonics');
  });

  it('refuses a row altered on disk, or moved to another table', () => {
    const stored = sealRow({ id: 'e1', body: 'x' }, plan, keys) as Record<string, Uint8Array>;
    const altered = new Uint8Array(stored[SEALED_FIELD] as Uint8Array);
    const last = altered.length - 1;
    altered[last] = (altered[last] ?? 0) ^ 1;
    expect(() => openRow({ ...stored, [SEALED_FIELD]: altered }, plan, keys)).toThrow();
    expect(() => openRow(stored, { ...plan, table: 'trials' }, keys)).toThrow();
  });

  it('cannot open a sealed row without the key, and passes clear rows through', () => {
    const stored = sealRow({ id: 'e1', body: 'x' }, plan, keys);
    expect(() => openRow(stored, plan, null)).toThrow(DeviceLockedError);
    expect(openRow({ id: 'old', body: 'written before the passcode' }, plan, null)).toEqual({ id: 'old', body: 'written before the passcode' });
  });

  it('refuses a Blob, which cannot be read inside a transaction', () => {
    expect(() => sealRow({ id: 'p', blob: new Blob(['x']) }, plan, keys)).toThrow(UnsealableValueError);
  });
});
