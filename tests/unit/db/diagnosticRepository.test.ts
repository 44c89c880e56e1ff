import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import type { Diagnostic } from '../../../src/domain/review/diagnostic';
import { markOutboxPushing } from './support/markOutboxPushing';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('leadership diagnostic', () => {
  it('start creates a private sitting with nothing rated', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    expect(sitting).toMatchObject({ label: 'Start of the year', takenOn: '2026-09-14', ratings: {}, visibility: 'private', deletedAt: null });
    expect(await repos.diagnostics.get(sitting.id)).toEqual(sitting);
    const row = (await db.outbox.toArray())[0];
    expect(row).toMatchObject({ table: 'diagnostics', recordId: sitting.id });
  });

  it('start refuses a date that is not one', async () => {
    await expect(repos.diagnostics.start('Start of the year', '14/09/2026')).rejects.toThrow();
    expect(await db.diagnostics.count()).toBe(0);
  });

  it('rate and note write only `ratings`, merging one quality into the others', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    await repos.diagnostics.rate(sitting.id, 'resilience', 2);
    await repos.diagnostics.note(sitting.id, 'resilience', 'I take setbacks home with me.');
    await markOutboxPushing(db);
    const updated = await repos.diagnostics.rate(sitting.id, 'communicator', 4);
    expect(updated.ratings).toEqual({
      resilience: { score: 2, note: 'I take setbacks home with me.' },
      communicator: { score: 4, note: '' },
    });
    const row = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(row.fields)).toEqual(['ratings']);
    expect(updated.clocks.label).toBe(sitting.clocks.label);
  });

  it('changes to two qualities at the same moment both survive', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    await Promise.all([
      repos.diagnostics.rate(sitting.id, 'drive', 5),
      repos.diagnostics.note(sitting.id, 'visionary', 'Getting better at the long view.'),
      repos.diagnostics.rate(sitting.id, 'visionary', 3),
    ]);
    expect((await repos.diagnostics.get(sitting.id))?.ratings).toEqual({
      drive: { score: 5, note: '' },
      visionary: { score: 3, note: 'Getting better at the long view.' },
    });
  });

  it('a rating of null clears the score and keeps the note; the same value again writes nothing', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    await repos.diagnostics.rate(sitting.id, 'reflective', 3);
    await repos.diagnostics.note(sitting.id, 'reflective', 'Journal helps.');
    const cleared = await repos.diagnostics.rate(sitting.id, 'reflective', null);
    expect(cleared.ratings.reflective).toEqual({ score: null, note: 'Journal helps.' });
    await markOutboxPushing(db);
    const outboxBefore = await db.outbox.count();
    await repos.diagnostics.note(sitting.id, 'reflective', 'Journal helps.');
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('refuses scores outside 1–5 and qualities not on the list', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    await expect(repos.diagnostics.rate(sitting.id, 'drive', 6)).rejects.toThrow();
    await expect(repos.diagnostics.rate(sitting.id, 'drive', 0)).rejects.toThrow();
    await expect(repos.diagnostics.rate(sitting.id, 'drive', 2.5)).rejects.toThrow();
    await expect(repos.diagnostics.rate(sitting.id, 'charisma' as 'drive', 3)).rejects.toThrow();
    await expect(repos.diagnostics.note(sitting.id, 'drive', 'x'.repeat(2001))).rejects.toThrow('Keep a note under 2,000 characters.');
    expect((await repos.diagnostics.get(sitting.id))?.ratings).toEqual({});
  });

  it('list gives the person’s own live sittings, oldest first', async () => {
    const later = await repos.diagnostics.start('Later in the year', '2027-03-01');
    const first = await repos.diagnostics.start('Start of the year', '2026-09-14');
    const removed = await repos.diagnostics.start('Mistake', '2026-10-01');
    await repos.diagnostics.remove(removed.id);
    const someoneElses: Diagnostic = { ...first, id: 'theirs', owner: 'user-tom', visibility: 'set' };
    await db.diagnostics.put(someoneElses);
    expect((await repos.diagnostics.list()).map((s) => s.id)).toEqual([first.id, later.id]);
    expect(await repos.diagnostics.get(removed.id)).toBeUndefined();
    await repos.diagnostics.restore(removed.id);
    expect((await repos.diagnostics.list()).map((s) => s.id)).toEqual([first.id, removed.id, later.id]);
  });

  it('a deleted sitting cannot be rated; visibility changes the one field', async () => {
    const sitting = await repos.diagnostics.start('Start of the year', '2026-09-14');
    expect((await repos.diagnostics.setVisibility(sitting.id, 'coach')).visibility).toBe('coach');
    await repos.diagnostics.remove(sitting.id);
    await expect(repos.diagnostics.rate(sitting.id, 'drive', 3)).rejects.toThrow('no longer on this device');
  });
});
