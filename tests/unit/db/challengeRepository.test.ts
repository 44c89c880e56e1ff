import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';
import { markOutboxPushing } from './support/markOutboxPushing';
import { challengeContentSchema } from '../../../src/domain/challenge';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

const first = {
  focus: 'Improving the quality of teaching',
  issue: 'Phonics results dipped in Year 1.',
  successCriteria: ['80% pass the phonics check'],
  themes: ['evidence' as const],
};

describe('leadership challenge', () => {
  it('the first save creates the challenge and a first revision holding a snapshot of it', async () => {
    const saved = await repos.challenge.save(first, 'Starting point');
    expect(saved).toMatchObject({ ...first, deletedAt: null, visibility: 'private' });
    expect(await repos.challenge.current()).toEqual(saved);

    const revisions = await repos.challenge.revisions(saved.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ challengeId: saved.id, reason: 'Starting point', revisedAt: saved.updatedAt });
    expect(revisions[0]!.snapshot).toEqual(challengeContentSchema.parse(first));
  });

  it('saving a change adds a second revision, newest first, with its reason; the old snapshot is kept', async () => {
    const saved = await repos.challenge.save(first);
    const changed = await repos.challenge.save({ ...first, issue: 'The head left; the school is converting.' }, '  Head left  ');
    expect(changed.id).toBe(saved.id);
    expect(changed.issue).toBe('The head left; the school is converting.');

    const [newest, oldest] = await repos.challenge.revisions(saved.id);
    expect(newest).toMatchObject({ reason: 'Head left' });
    expect(newest!.snapshot.issue).toBe('The head left; the school is converting.');
    expect(oldest).toMatchObject({ reason: '' });
    expect(oldest!.snapshot.issue).toBe(first.issue);
    expect(await db.challenges.count()).toBe(1);
  });

  it('a later save only re-stamps the fields that changed', async () => {
    const saved = await repos.challenge.save(first);
    await markOutboxPushing(db);
    const changed = await repos.challenge.save({ ...first, themes: ['evidence', 'families'] });
    expect(changed.clocks.themes! > saved.clocks.themes!).toBe(true);
    expect(changed.clocks.issue).toBe(saved.clocks.issue);
    const rows = await db.outbox.where('recordId').equals(saved.id).toArray();
    expect(rows).toHaveLength(2);
    expect(rows.at(-1)!.fields).toEqual({ themes: ['evidence', 'families'] });
    expect(rows.at(-1)!.clocks).toEqual({ themes: changed.clocks.themes });
  });

  it('saving without a change adds no revision and no pending change', async () => {
    const saved = await repos.challenge.save(first);
    const outboxBefore = await db.outbox.count();
    const again = await repos.challenge.save({ ...first, focus: `  ${first.focus} ` }, 'No real change');
    expect(again).toEqual(saved);
    expect(await repos.challenge.revisions(saved.id)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('several saves list their revisions newest first', async () => {
    const saved = await repos.challenge.save(first, 'v1');
    for (const v of ['v2', 'v3', 'v4']) await repos.challenge.save({ ...first, issue: `Issue ${v}` }, v);
    expect((await repos.challenge.revisions(saved.id)).map((r) => r.reason)).toEqual(['v4', 'v3', 'v2', 'v1']);
  });

  it('a save missing the focus is refused with the person’s message and stores nothing', async () => {
    await expect(repos.challenge.save({ issue: 'x' })).rejects.toThrow('Choose a focus or write your own.');
    expect(await repos.challenge.current()).toBeUndefined();
    expect(await db.challengeRevisions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('if two devices each started a challenge offline, the one made first is shown', async () => {
    const mine = await repos.challenge.save(first);
    const earlier = { ...mine, id: 'other-device-challenge', createdAt: '2020-01-01T00:00:00.000Z', focus: 'Managing change' };
    await db.challenges.put(earlier);
    expect((await repos.challenge.current())?.id).toBe('other-device-challenge');
    await db.challenges.put({ ...earlier, deletedAt: '2026-05-14T10:00:00.000Z' });
    expect((await repos.challenge.current())?.id).toBe(mine.id);
  });
});
