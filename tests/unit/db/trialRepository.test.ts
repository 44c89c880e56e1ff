import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
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

const plan = { what: 'Peer coaching', why: 'Share practice', startDate: '2026-05-01', reviewDate: '2026-07-15' };

describe('strategy trials', () => {
  it('create saves a planned trial with an empty review', async () => {
    const trial = await repos.trials.create(plan);
    expect(trial).toMatchObject({ ...plan, status: 'planned', review: { wentWell: '', nextStep: null }, deletedAt: null });
    expect(await repos.trials.get(trial.id)).toEqual(trial);
  });

  it('create refuses a plan without "what" or with the review before the start', async () => {
    await expect(repos.trials.create({ what: ' ' })).rejects.toThrow('Say what you will try');
    await expect(repos.trials.create({ ...plan, reviewDate: '2026-04-01' })).rejects.toThrow(
      'The review date comes before the start date.',
    );
    expect(await db.trials.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('updatePlan writes only the changed plan fields', async () => {
    const trial = await repos.trials.create(plan);
    await markOutboxPushing(db);
    const updated = await repos.trials.updatePlan(trial.id, { withWhom: 'Year 2 team', what: 'Peer coaching' });
    expect(updated).toMatchObject({ ...plan, withWhom: 'Year 2 team', status: 'planned' });
    const row = (await db.outbox.orderBy('seq').last())!;
    expect(row.fields).toEqual({ withWhom: 'Year 2 team' });
    expect(row.clocks).toEqual({ withWhom: updated.clocks.withWhom });
    expect(updated.clocks.what).toBe(trial.clocks.what);
  });

  it('updatePlan refuses a review date before the start and keeps the saved plan', async () => {
    const trial = await repos.trials.create(plan);
    await expect(repos.trials.updatePlan(trial.id, { reviewDate: '2026-04-30' })).rejects.toThrow(
      'The review date comes before the start date.',
    );
    expect((await repos.trials.get(trial.id))?.reviewDate).toBe(plan.reviewDate);
  });

  it('setStatus moves along the cycle', async () => {
    const trial = await repos.trials.create(plan);
    for (const status of ['under_way', 'reviewing', 'done', 'reviewing'] as const) {
      expect((await repos.trials.setStatus(trial.id, status)).status).toBe(status);
    }
    expect((await repos.trials.get(trial.id))?.status).toBe('reviewing');
  });

  it('setStatus refuses an illegal jump with a message, and changes nothing', async () => {
    const trial = await repos.trials.create(plan);
    await markOutboxPushing(db);
    await expect(repos.trials.setStatus(trial.id, 'done')).rejects.toThrow('A trial that is planned cannot move to done.');
    expect(await db.outbox.count()).toBe(1);
    await repos.trials.setStatus(trial.id, 'under_way');
    const before = await db.outbox.orderBy('seq').toArray();
    await expect(repos.trials.setStatus(trial.id, 'done')).rejects.toThrow('A trial that is under way cannot move to done.');
    expect((await repos.trials.get(trial.id))?.status).toBe('under_way');
    expect(await db.outbox.orderBy('seq').toArray()).toEqual(before);
    expect(before.map((r) => r.fields)).toEqual([expect.objectContaining({ status: 'planned' }), { status: 'under_way' }]);
  });

  it('setting the status it already has writes nothing', async () => {
    const trial = await repos.trials.create(plan);
    await repos.trials.setStatus(trial.id, 'planned');
    expect(await db.outbox.count()).toBe(1);
  });

  it('saving a review without a next step moves a running trial to reviewing', async () => {
    const trial = await repos.trials.create(plan);
    await repos.trials.setStatus(trial.id, 'under_way');
    const reviewed = await repos.trials.saveReview(trial.id, { wentWell: 'Staff asked for more.' });
    expect(reviewed.status).toBe('reviewing');
    expect(reviewed.review).toMatchObject({ wentWell: 'Staff asked for more.', nextStep: null });
  });

  it('choosing a next step completes the cycle: status done, earlier review answers kept', async () => {
    const trial = await repos.trials.create(plan);
    await repos.trials.setStatus(trial.id, 'under_way');
    await repos.trials.saveReview(trial.id, { wentWell: 'Staff asked for more.' });
    const done = await repos.trials.saveReview(trial.id, { learning: 'Time matters', nextStep: 'refine' });
    expect(done.status).toBe('done');
    expect(done.review).toEqual({
      wentWell: 'Staff asked for more.',
      notEffective: '',
      problems: '',
      learning: 'Time matters',
      nextStep: 'refine',
      nextStepNote: '',
    });
  });

  it('saving the review again unchanged adds no pending change and does not re-stamp it', async () => {
    const trial = await repos.trials.create(plan);
    const reviewed = await repos.trials.saveReview(trial.id, { wentWell: 'Staff asked for more.' });
    const outboxBefore = await db.outbox.count();
    const again = await repos.trials.saveReview(trial.id, { wentWell: 'Staff asked for more.' });
    expect(again).toEqual(reviewed);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('a review save writes the review, plus the status only when it moves', async () => {
    const trial = await repos.trials.create(plan);
    await markOutboxPushing(db);
    await repos.trials.saveReview(trial.id, { problems: 'Timetable clashes' });
    const moved = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(moved.fields).sort()).toEqual(['review', 'status']);
    expect(Object.keys(moved.clocks!).sort()).toEqual(['review', 'status']);
    await markOutboxPushing(db);
    await repos.trials.saveReview(trial.id, { problems: 'Timetable clashes and cover' });
    const kept = (await db.outbox.orderBy('seq').last())!;
    expect(Object.keys(kept.fields)).toEqual(['review']);
    expect(Object.keys(kept.clocks!)).toEqual(['review']);
    expect(await db.outbox.count()).toBe(3);
  });

  it('list shows the most recently started first, undated trials last, removed ones not at all', async () => {
    const undated = await repos.trials.create({ what: 'Change teams' });
    const older = await repos.trials.create({ what: 'Lesson study', startDate: '2026-01-10' });
    const newer = await repos.trials.create({ what: 'Learning walks', startDate: '2026-04-20' });
    const removed = await repos.trials.create({ what: 'Parent workshops', startDate: '2026-05-01' });
    await repos.trials.remove(removed.id);
    expect((await repos.trials.list()).map((t) => t.id)).toEqual([newer.id, older.id, undated.id]);
    expect(await repos.trials.get(removed.id)).toBeUndefined();
    await expect(repos.trials.setStatus(removed.id, 'under_way')).rejects.toThrow('This trial no longer exists on this device.');
    await repos.trials.restore(removed.id);
    expect((await repos.trials.list())[0]?.id).toBe(removed.id);
  });
});
