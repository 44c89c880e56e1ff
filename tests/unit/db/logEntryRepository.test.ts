import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { LOCAL_OWNER } from '../../../src/domain/syncedRecord';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

const day = (d: number) => `2026-05-${String(d).padStart(2, '0')}T09:30:00.000Z`;

describe('log entries', () => {
  it('create saves a live entry owned locally, with defaults and a clock for every field it set', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(14), body: 'Learning walk in Year 2.', tags: ['walks'] });
    expect(entry).toMatchObject({
      owner: LOCAL_OWNER,
      deletedAt: null,
      body: 'Learning walk in Year 2.',
      tags: ['walks'],
      template: 'free',
      visibility: 'private',
    });
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(entry.clocks).sort()).toEqual(
      ['body', 'challengeId', 'deletedAt', 'measureId', 'occurredAt', 'responses', 'tags', 'template', 'trialId', 'visibility'],
    );
    expect(await repos.logEntries.get(entry.id)).toEqual(entry);
    expect(await db.logEntries.get(entry.id)).toEqual(entry);
  });

  it('create refuses an empty entry and stores nothing', async () => {
    await expect(repos.logEntries.create({ occurredAt: day(14), body: '  ' })).rejects.toThrow(
      'Write something first — an empty entry is not saved.',
    );
    expect(await db.logEntries.count()).toBe(0);
    expect(await repos.logEntries.list()).toEqual([]);
  });

  it('update changes what was edited and keeps the rest', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(14), body: 'First go', tags: ['phonics'] });
    const updated = await repos.logEntries.update(entry.id, { body: 'Second go' });
    expect(updated).toMatchObject({ id: entry.id, body: 'Second go', tags: ['phonics'], occurredAt: day(14) });
    expect(await repos.logEntries.get(entry.id)).toEqual(updated);
  });

  it('update refuses to empty an entry and leaves the saved text alone', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(14), body: 'Keep me' });
    await expect(repos.logEntries.update(entry.id, { body: '' })).rejects.toThrow('Write something first');
    expect((await repos.logEntries.get(entry.id))?.body).toBe('Keep me');
  });

  it('update of an entry that is not on this device says so', async () => {
    await expect(repos.logEntries.update('no-such-id', { body: 'x' })).rejects.toThrow(
      'This entry no longer exists on this device.',
    );
  });

  it('remove leaves a tombstone: the row stays with deletedAt set, but lists no longer show it', async () => {
    const keep = await repos.logEntries.create({ occurredAt: day(1), body: 'Keep', tags: ['walks'] });
    const gone = await repos.logEntries.create({ occurredAt: day(2), body: 'Delete me', tags: ['walks'] });
    await repos.logEntries.remove(gone.id);

    const row = await db.logEntries.get(gone.id);
    expect(row?.deletedAt).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(row?.deletedAt ?? ''))).toBe(false);
    expect(row?.body).toBe('Delete me');
    expect((await repos.logEntries.list()).map((e) => e.id)).toEqual([keep.id]);
    expect((await repos.logEntries.listByTag('walks')).map((e) => e.id)).toEqual([keep.id]);
    expect(await repos.logEntries.get(gone.id)).toBeUndefined();
    expect(await repos.logEntries.count()).toBe(1);
  });

  it('restore (undo) brings the entry back as it was', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(3), body: 'Oops', tags: ['KS1'] });
    await repos.logEntries.remove(entry.id);
    await repos.logEntries.restore(entry.id);
    const back = await repos.logEntries.get(entry.id);
    expect(back).toMatchObject({ body: 'Oops', tags: ['KS1'], deletedAt: null });
    expect((await repos.logEntries.list()).map((e) => e.id)).toEqual([entry.id]);
    expect(back!.clocks.deletedAt! > entry.clocks.deletedAt!).toBe(true);
  });

  it('list shows the newest first, whatever order the entries were written in', async () => {
    for (const d of [10, 3, 27, 14, 1]) await repos.logEntries.create({ occurredAt: day(d), body: `day ${d}` });
    expect((await repos.logEntries.list()).map((e) => e.body)).toEqual(['day 27', 'day 14', 'day 10', 'day 3', 'day 1']);
  });

  it('listByTag finds entries carrying the tag, newest first, and only those', async () => {
    await repos.logEntries.create({ occurredAt: day(5), body: 'a', tags: ['phonics', 'KS1'] });
    await repos.logEntries.create({ occurredAt: day(9), body: 'b', tags: ['phonics'] });
    await repos.logEntries.create({ occurredAt: day(7), body: 'c', tags: ['walks'] });
    expect((await repos.logEntries.listByTag('phonics')).map((e) => e.body)).toEqual(['b', 'a']);
    expect((await repos.logEntries.listByTag('KS1')).map((e) => e.body)).toEqual(['a']);
    expect(await repos.logEntries.listByTag('families')).toEqual([]);
  });

  it('listByTag follows tag edits', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(5), body: 'a', tags: ['walks'] });
    await repos.logEntries.update(entry.id, { tags: ['coaching'] });
    expect(await repos.logEntries.listByTag('walks')).toEqual([]);
    expect((await repos.logEntries.listByTag('coaching')).map((e) => e.id)).toEqual([entry.id]);
  });

  it('create with clearDraftKeys removes those drafts, and only those', async () => {
    await repos.drafts.put('new-entry', { body: 'half written' });
    await repos.drafts.put('new-entry-photos', ['a.jpg']);
    await repos.drafts.put('challenge', { focus: 'x' });
    await repos.logEntries.create(
      { occurredAt: day(14), body: 'half written, now done' },
      { clearDraftKeys: ['new-entry', 'new-entry-photos'] },
    );
    expect(await repos.drafts.get('new-entry')).toBeUndefined();
    expect(await repos.drafts.get('new-entry-photos')).toBeUndefined();
    expect(await repos.drafts.get('challenge')).toEqual({ focus: 'x' });
  });

  it('a refused create keeps the draft, so nothing typed is lost', async () => {
    await repos.drafts.put('new-entry', { body: '' });
    await expect(repos.logEntries.create({ occurredAt: day(14), body: '' }, { clearDraftKeys: ['new-entry'] })).rejects.toThrow();
    expect(await repos.drafts.get('new-entry')).toEqual({ body: '' });
  });

  it('a field written by a newer app version survives an edit made here', async () => {
    const entry = await repos.logEntries.create({ occurredAt: day(14), body: 'x' });
    const stamp = entry.clocks.body!;
    await db.logEntries.put({ ...entry, moodScore: 4, clocks: { ...entry.clocks, moodScore: stamp } } as typeof entry);
    const updated = await repos.logEntries.update(entry.id, { body: 'edited' });
    expect(updated).toMatchObject({ body: 'edited', moodScore: 4 });
    expect(updated.clocks.moodScore).toBe(stamp);
  });
});

describe('editing an entry written by a newer version of the app', () => {
  it('changes only the edited field and keeps values this version does not know', async () => {
    const db = new SetwiseDatabase(`test-${crypto.randomUUID()}`);
    const repositories = createRepositories(db);
    const entry = await repositories.logEntries.create({ occurredAt: '2026-05-14T09:00:00.000Z', body: 'First thoughts' });
    // A newer app version stored a template this version has never heard of, and a new field.
    await db.logEntries.update(entry.id, { template: 'future-template', moodScore: 4 } as never);

    const edited = await repositories.logEntries.update(entry.id, { body: 'First thoughts, revised' });

    expect(edited.body).toBe('First thoughts, revised');
    expect(edited.template).toBe('future-template');
    expect((edited as Record<string, unknown>).moodScore).toBe(4);
    db.close();
    await db.delete();
  });

  it('refuses an edit that would leave the entry empty, and keeps the stored text', async () => {
    const db = new SetwiseDatabase(`test-${crypto.randomUUID()}`);
    const repositories = createRepositories(db);
    const entry = await repositories.logEntries.create({ occurredAt: '2026-05-14T09:00:00.000Z', body: 'Keep me' });

    await expect(repositories.logEntries.update(entry.id, { body: '   ' })).rejects.toThrow('Write something first');
    expect((await repositories.logEntries.get(entry.id))?.body).toBe('Keep me');
    db.close();
    await db.delete();
  });
});
