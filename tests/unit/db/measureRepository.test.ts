import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { ReadingOutOfRangeError } from '../../../src/app/db/repositories/measureRepository';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { markOutboxPushing } from './support/markOutboxPushing';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

const phonics = {
  name: 'Pupils passing the phonics check',
  unit: 'percent' as const,
  baselineValue: 62,
  baselineDate: '2025-07-01',
  target: 80,
};

describe('impact measures', () => {
  it('create saves the measure with its baseline and target', async () => {
    const measure = await repos.measures.create(phonics);
    expect(measure).toMatchObject({ ...phonics, unitLabel: '', deletedAt: null });
    expect(await repos.measures.get(measure.id)).toEqual(measure);
    expect((await repos.measures.list()).map((m) => m.id)).toEqual([measure.id]);
  });

  it('create refuses a percent baseline of 120 and stores nothing', async () => {
    await expect(repos.measures.create({ ...phonics, baselineValue: 120 })).rejects.toThrow(
      'A percentage must be between 0 and 100.',
    );
    expect(await db.measures.count()).toBe(0);
  });

  it('addReading refuses 120 for a percent measure with ReadingOutOfRangeError, writing nothing', async () => {
    const measure = await repos.measures.create(phonics);
    const outboxBefore = await db.outbox.count();
    const attempt = repos.measures.addReading({ measureId: measure.id, date: '2026-01-10', value: 120, note: '' });
    await expect(attempt).rejects.toBeInstanceOf(ReadingOutOfRangeError);
    await expect(attempt).rejects.toThrow('A percentage must be between 0 and 100.');
    expect(await repos.measures.readings(measure.id)).toEqual([]);
    expect(await db.readings.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('a count measure refuses a fractional reading', async () => {
    const measure = await repos.measures.create({ name: 'Coaching sessions', unit: 'count', baselineValue: 0, baselineDate: '2026-01-05' });
    await expect(repos.measures.addReading({ measureId: measure.id, date: '2026-02-01', value: 2.5, note: '' })).rejects.toThrow(
      'A count must be a whole number, 0 or more.',
    );
  });

  it('readings come back oldest first, whatever order they were added in', async () => {
    const measure = await repos.measures.create(phonics);
    for (const [date, value] of [
      ['2026-03-01', 71],
      ['2025-12-01', 65],
      ['2026-06-01', 79],
    ] as const) {
      await repos.measures.addReading({ measureId: measure.id, date, value, note: '' });
    }
    const readings = await repos.measures.readings(measure.id);
    expect(readings.map((r) => [r.date, r.value])).toEqual([
      ['2025-12-01', 65],
      ['2026-03-01', 71],
      ['2026-06-01', 79],
    ]);
  });

  it('readings belong to their own measure', async () => {
    const a = await repos.measures.create(phonics);
    const b = await repos.measures.create({ ...phonics, name: 'Attendance' });
    await repos.measures.addReading({ measureId: a.id, date: '2026-01-01', value: 70, note: '' });
    expect(await repos.measures.readings(b.id)).toEqual([]);
  });

  it('removeReading hides the reading; restoreReading brings it back', async () => {
    const measure = await repos.measures.create(phonics);
    const keep = await repos.measures.addReading({ measureId: measure.id, date: '2026-01-01', value: 70, note: '' });
    const mistake = await repos.measures.addReading({ measureId: measure.id, date: '2026-02-01', value: 7, note: 'typo' });
    await repos.measures.removeReading(mistake.id);
    expect((await repos.measures.readings(measure.id)).map((r) => r.id)).toEqual([keep.id]);
    expect((await db.readings.get(mistake.id))?.deletedAt).toEqual(expect.any(String));
    await repos.measures.restoreReading(mistake.id);
    expect((await repos.measures.readings(measure.id)).map((r) => r.id)).toEqual([keep.id, mistake.id]);
  });

  it('a reading cannot be added to a removed measure', async () => {
    const measure = await repos.measures.create(phonics);
    await repos.measures.remove(measure.id);
    expect(await repos.measures.list()).toEqual([]);
    await expect(repos.measures.addReading({ measureId: measure.id, date: '2026-01-01', value: 70, note: '' })).rejects.toThrow(
      'This measure no longer exists on this device.',
    );
  });

  it('update changes the target only, and refuses a target out of range', async () => {
    const measure = await repos.measures.create(phonics);
    await markOutboxPushing(db);
    const updated = await repos.measures.update(measure.id, { target: 85 });
    expect(updated).toMatchObject({ ...phonics, target: 85 });
    const row = (await db.outbox.orderBy('seq').last())!;
    expect(row.fields).toEqual({ target: 85 });
    expect(row.clocks).toEqual({ target: updated.clocks.target });
    await expect(repos.measures.update(measure.id, { target: 150 })).rejects.toThrow('between 0 and 100');
    expect((await repos.measures.get(measure.id))?.target).toBe(85);
  });
});
