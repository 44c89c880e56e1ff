// A device also holds what others shared with its person; their own places show only their own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';

let db: SetwiseDatabase;
let repos: Repositories;
const stamp = '001795000000000:000000:other';
const base = { createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z', deletedAt: null, clocks: {}, visibility: 'set' as const };

beforeEach(async () => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
  await db.meta.put({ key: 'owner', value: 'me' });
  // Shared with me by a set member, as a pull would have stored them.
  await db.logEntries.put({ ...base, id: 'theirs', owner: 'sam', occurredAt: '2026-05-01T09:00:00.000Z', body: 'Sam’s shared entry', template: 'free', responses: {}, tags: ['phonics'], challengeId: null, trialId: null, measureId: null, clocks: { body: stamp } });
  await db.challenges.put({ ...base, id: 'their-challenge', owner: 'sam', createdAt: '2020-01-01T00:00:00.000Z', focus: 'Managing change', issue: 'Sam’s issue', desiredOutcomes: '', baseline: '', successCriteria: [], themes: [] });
  await db.trials.put({ ...base, id: 'their-trial', owner: 'sam', what: 'Sam’s trial', why: '', withWhom: '', startDate: null, reviewDate: null, impactJudgement: '', challengeId: null, status: 'planned', review: { wentWell: '', notEffective: '', problems: '', learning: '', nextStep: null, nextStepNote: '' } });
  await db.measures.put({ ...base, id: 'their-measure', owner: 'sam', name: 'Sam’s measure', unit: 'count', unitLabel: '', baselineValue: 1, baselineDate: '2026-01-01', target: null, challengeId: null, trialId: null });
});
afterEach(async () => {
  await db.delete();
});

describe('own writing only in the person’s own places', () => {
  it('the journal, its tags and its count leave out entries others shared', async () => {
    const mine = await repos.logEntries.create({ occurredAt: '2026-05-02T09:00:00.000Z', body: 'Mine', tags: ['phonics'] });
    expect((await repos.logEntries.list()).map((e) => e.id)).toEqual([mine.id]);
    expect((await repos.logEntries.listByTag('phonics')).map((e) => e.id)).toEqual([mine.id]);
    expect(await repos.logEntries.count()).toBe(1);
  });

  it('"My challenge" is mine, never a set member’s shared one (even one made earlier)', async () => {
    expect(await repos.challenge.current()).toBeUndefined();
    const saved = await repos.challenge.save({ focus: 'Improving the quality of teaching', issue: 'Phonics in KS1' });
    expect((await repos.challenge.current())?.id).toBe(saved.id);
  });

  it('trials and measures lists are mine only', async () => {
    expect(await repos.trials.list()).toEqual([]);
    expect(await repos.measures.list()).toEqual([]);
  });
});
