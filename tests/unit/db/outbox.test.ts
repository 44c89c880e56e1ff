import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { compareHlc, parseHlc } from '../../../src/domain/hlc';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

const occurredAt = '2026-05-14T09:30:00.000Z';
const outbox = () => db.outbox.orderBy('seq').toArray();

describe('outbox: every write leaves exactly one pending change', () => {
  it('create appends one row holding every field it set', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ table: 'logEntries', recordId: entry.id, hlc: entry.clocks.body });
    expect(rows[0]!.fields).toMatchObject({ body: 'x', tags: ['walks'], deletedAt: null, template: 'free' });
    expect(await repos.device.pendingChangeCount()).toBe(1);
  });

  it('update appends a row with only the changed fields, and an edit that changes nothing appends none', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    await repos.logEntries.update(entry.id, { body: 'y', tags: ['walks'] });
    await repos.logEntries.update(entry.id, { tags: ['walks', 'KS1'], visibility: 'coach' });
    await repos.logEntries.update(entry.id, { body: 'y' });
    const rows = await outbox();
    expect(rows.map((r) => r.fields)).toEqual([
      expect.objectContaining({ body: 'x' }),
      { body: 'y' },
      { tags: ['walks', 'KS1'], visibility: 'coach' },
    ]);
  });

  it('stamps strictly increase from write to write, even many in the same millisecond', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: '0' });
    for (let i = 1; i <= 25; i++) await repos.logEntries.update(entry.id, { body: String(i) });
    await repos.logEntries.remove(entry.id);
    await repos.logEntries.restore(entry.id);
    const stamps = (await outbox()).map((r) => r.hlc);
    expect(stamps).toHaveLength(28);
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBeLessThan(0);
    expect(new Set(stamps.map((s) => parseHlc(s).node)).size).toBe(1);
    expect((await db.meta.get('lastHlc'))?.value).toBe(stamps.at(-1));
  });

  it('each field’s clock on the record is the stamp of the outbox row that last set it', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['a'] });
    await repos.logEntries.update(entry.id, { tags: ['b'] });
    const stored = await db.logEntries.get(entry.id);
    const [created, tagged] = await outbox();
    expect(stored!.clocks.body).toBe(created!.hlc);
    expect(stored!.clocks.tags).toBe(tagged!.hlc);
  });

  it('remove and restore each append one row with only deletedAt', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x' });
    await repos.logEntries.remove(entry.id);
    await repos.logEntries.restore(entry.id);
    const [, removed, restored] = await outbox();
    expect(Object.keys(removed!.fields)).toEqual(['deletedAt']);
    expect(typeof removed!.fields.deletedAt).toBe('string');
    expect(restored!.fields).toEqual({ deletedAt: null });
  });

  it('saving a challenge writes two records (challenge, revision) and one row for each', async () => {
    const challenge = await repos.challenge.save({ focus: 'Managing change', issue: 'New head.' });
    const rows = await outbox();
    expect(rows.map((r) => r.table)).toEqual(['challenges', 'challengeRevisions']);
    expect(rows[0]!.recordId).toBe(challenge.id);
    expect(new Set(rows.map((r) => r.mutationId)).size).toBe(2);
  });
});

describe('outbox: a failed write leaves neither the record nor a row', () => {
  it('a create refused by validation writes nothing', async () => {
    await expect(repos.logEntries.create({ occurredAt, body: '' })).rejects.toThrow();
    const measure = { name: 'Attendance', unit: 'percent' as const, baselineValue: 120, baselineDate: '2026-01-05' };
    await expect(repos.measures.create(measure)).rejects.toThrow('between 0 and 100');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.logEntries.count()).toBe(0);
    expect(await db.measures.count()).toBe(0);
  });

  it('an update refused by validation leaves the record and the outbox as they were', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x' });
    await expect(repos.logEntries.update(entry.id, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).rejects.toThrow(
      'At most 20 tags.',
    );
    expect(await db.outbox.count()).toBe(1);
    expect(await db.logEntries.get(entry.id)).toEqual(entry);
  });

  it('if appending to the outbox fails, the record is not written and the draft is kept', async () => {
    await repos.drafts.put('new-entry', { body: 'x' });
    const lastHlcBefore = await db.meta.get('lastHlc');
    const fail = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', fail);
    await expect(repos.logEntries.create({ occurredAt, body: 'x' }, { clearDraftKeys: ['new-entry'] })).rejects.toThrow('disk full');
    db.outbox.hook('creating').unsubscribe(fail);
    expect(await db.logEntries.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'x' });
    expect(await db.meta.get('lastHlc')).toEqual(lastHlcBefore);
  });

  it('if storing the record fails, no outbox row is appended', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x' });
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.logEntries.hook('updating', fail);
    await expect(repos.logEntries.update(entry.id, { body: 'y' })).rejects.toThrow('quota exceeded');
    db.logEntries.hook('updating').unsubscribe(fail);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.logEntries.get(entry.id))?.body).toBe('x');
  });
});
