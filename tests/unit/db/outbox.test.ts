import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { compareHlc, parseHlc } from '../../../src/domain/hlc';
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

const occurredAt = '2026-05-14T09:30:00.000Z';
const outbox = () => db.outbox.orderBy('seq').toArray();

describe('outbox: every write is pending in exactly one row, folded while unsent', () => {
  it('create appends one row holding every field it set, each stamped with the write', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ table: 'logEntries', recordId: entry.id, hlc: entry.clocks.body });
    expect(rows[0]!.fields).toMatchObject({ body: 'x', tags: ['walks'], deletedAt: null, template: 'free' });
    expect(rows[0]!.clocks).toEqual(Object.fromEntries(Object.keys(rows[0]!.fields).map((f) => [f, rows[0]!.hlc])));
    expect(rows[0]!.pushStartedAt).toBeUndefined();
    expect(await repos.device.pendingChangeCount()).toBe(1);
  });

  it('many writes to one unsent record leave one row: latest values, each at the stamp of its record field', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    const [opened] = await outbox();
    await repos.logEntries.update(entry.id, { body: 'xy' });
    await repos.logEntries.update(entry.id, { tags: ['walks', 'KS1'], visibility: 'coach' });
    await repos.logEntries.update(entry.id, { body: 'xyz' });
    const stored = (await db.logEntries.get(entry.id))!;
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ mutationId: opened!.mutationId, seq: opened!.seq, createdAt: opened!.createdAt });
    expect(row!.fields).toEqual({ ...opened!.fields, body: 'xyz', tags: ['walks', 'KS1'], visibility: 'coach' });
    expect(Object.keys(row!.clocks!).sort()).toEqual(Object.keys(row!.fields).sort());
    for (const field of Object.keys(row!.fields)) expect(row!.clocks![field], field).toBe(stored.clocks[field]);
    expect(stored.clocks.body).not.toBe(stored.clocks.tags);
    expect(stored.clocks.template).toBe(opened!.hlc);
    expect(row!.hlc).toBe(stored.clocks.body);
    expect(row!.hlc).toBe((await db.meta.get('lastHlc'))?.value);
  });

  it('writes to two records leave two rows, one per record, whatever the order', async () => {
    const a = await repos.logEntries.create({ occurredAt, body: 'a' });
    const b = await repos.logEntries.create({ occurredAt, body: 'b' });
    await repos.logEntries.update(a.id, { body: 'a2' });
    await repos.logEntries.update(b.id, { body: 'b2' });
    await repos.logEntries.update(a.id, { tags: ['KS1'] });
    const rows = await outbox();
    expect(rows.map((r) => r.recordId)).toEqual([a.id, b.id]);
    expect(new Set(rows.map((r) => r.mutationId)).size).toBe(2);
    expect(rows[0]!.fields).toMatchObject({ body: 'a2', tags: ['KS1'] });
    expect(rows[1]!.fields).toMatchObject({ body: 'b2', tags: [] });
    expect(rows[0]!.hlc).toBe((await db.logEntries.get(a.id))!.clocks.tags);
    expect(rows[1]!.hlc).toBe((await db.logEntries.get(b.id))!.clocks.body);
  });

  it('a row being pushed never changes; the next write appends a row with only the changed fields', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    await repos.logEntries.update(entry.id, { body: 'y' });
    await markOutboxPushing(db);
    const [pushing] = await outbox();
    const frozen = structuredClone(pushing);
    await repos.logEntries.update(entry.id, { tags: ['walks', 'KS1'], body: 'y' });
    await repos.logEntries.update(entry.id, { visibility: 'coach' });
    await repos.logEntries.remove(entry.id);
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(frozen);
    const stored = (await db.logEntries.get(entry.id))!;
    expect(rows[1]!.mutationId).not.toBe(frozen!.mutationId);
    expect(rows[1]!.pushStartedAt).toBeUndefined();
    expect(rows[1]!.fields).toEqual({ tags: ['walks', 'KS1'], visibility: 'coach', deletedAt: stored.deletedAt });
    const { tags, visibility, deletedAt } = stored.clocks;
    expect(rows[1]!.clocks).toEqual({ tags, visibility, deletedAt });
    expect(stored.clocks.body).toBe(frozen!.clocks!.body);
  });

  it('after a push starts, an edit that changes some fields records only those', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    await markOutboxPushing(db);
    await repos.logEntries.update(entry.id, { body: 'y', tags: ['walks'] });
    await markOutboxPushing(db);
    await repos.logEntries.update(entry.id, { tags: ['walks', 'KS1'], visibility: 'coach' });
    const rows = await outbox();
    expect(rows.map((r) => r.fields)).toEqual([
      expect.objectContaining({ body: 'x' }),
      { body: 'y' },
      { tags: ['walks', 'KS1'], visibility: 'coach' },
    ]);
    expect(rows.map((r) => Object.keys(r.clocks!).sort())).toEqual([
      Object.keys(rows[0]!.fields).sort(),
      ['body'],
      ['tags', 'visibility'],
    ]);
  });

  it('stamps strictly increase from write to write, even many in the same millisecond', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: '0' });
    const stamps = [entry.clocks.body!];
    const lastHlc = async () => (await db.meta.get('lastHlc'))?.value as string;
    for (let i = 1; i <= 25; i++) {
      const updated = await repos.logEntries.update(entry.id, { body: String(i) });
      expect(await lastHlc()).toBe(updated.clocks.body);
      stamps.push(updated.clocks.body!);
      if (i % 5 === 0) await markOutboxPushing(db);
    }
    await repos.logEntries.remove(entry.id);
    stamps.push((await db.logEntries.get(entry.id))!.clocks.deletedAt!);
    await repos.logEntries.restore(entry.id);
    stamps.push((await db.logEntries.get(entry.id))!.clocks.deletedAt!);
    expect(stamps).toHaveLength(28);
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBeLessThan(0);
    expect(new Set(stamps.map((s) => parseHlc(s).node)).size).toBe(1);
    expect(await lastHlc()).toBe(stamps.at(-1));
    const rowStamps = (await outbox()).map((r) => r.hlc);
    expect(rowStamps).toEqual([stamps[5], stamps[10], stamps[15], stamps[20], stamps[25], stamps[27]]);
  });

  it('remove and restore fold into the unsent row as deletedAt; after a push starts, they append one row', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x' });
    await repos.logEntries.remove(entry.id);
    let [row] = await outbox();
    expect(typeof row!.fields.deletedAt).toBe('string');
    expect(row!.clocks!.deletedAt).toBe((await db.logEntries.get(entry.id))!.clocks.deletedAt);
    expect(row!.clocks!.deletedAt).not.toBe(row!.clocks!.body);
    await repos.logEntries.restore(entry.id);
    [row] = await outbox();
    expect(row!.fields).toMatchObject({ body: 'x', deletedAt: null });
    expect(row!.hlc).toBe((await db.logEntries.get(entry.id))!.clocks.deletedAt);

    await markOutboxPushing(db);
    await repos.logEntries.remove(entry.id);
    const removed = (await outbox())[1]!;
    expect(Object.keys(removed.fields)).toEqual(['deletedAt']);
    expect(typeof removed.fields.deletedAt).toBe('string');
    await repos.logEntries.restore(entry.id);
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.fields).toEqual({ deletedAt: null });
    expect(rows[1]!.clocks).toEqual({ deletedAt: (await db.logEntries.get(entry.id))!.clocks.deletedAt });
  });

  it('an edit that changes nothing changes neither the record nor the outbox', async () => {
    const entry = await repos.logEntries.create({ occurredAt, body: 'x', tags: ['walks'] });
    await repos.logEntries.update(entry.id, { body: 'y' });
    for (const pushing of [false, true]) {
      if (pushing) await markOutboxPushing(db);
      const record = await db.logEntries.get(entry.id);
      const rows = await outbox();
      const lastHlc = await db.meta.get('lastHlc');
      expect(await repos.logEntries.update(entry.id, { body: 'y', tags: ['walks'] })).toEqual(record);
      expect(await db.logEntries.get(entry.id)).toEqual(record);
      expect(await outbox()).toEqual(rows);
      expect(await db.meta.get('lastHlc')).toEqual(lastHlc);
    }
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
