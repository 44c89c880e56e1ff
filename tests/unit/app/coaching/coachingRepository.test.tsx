import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { actAs, PRIYA, SAM, seedPriyasSetAndCoach } from '../sharing/seedPeople';

let db: SetwiseDatabase;
let repositories: Repositories;

beforeEach(async () => {
  db = new SetwiseDatabase(`coaching-${crypto.randomUUID()}`);
  repositories = createRepositories(db);
  await seedPriyasSetAndCoach(db);
  await actAs(db, SAM);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('coachingRepository', () => {
  it('knows who a coach coaches and who a participant’s coach is, by name', async () => {
    expect(await repositories.coaching.myCoachees()).toEqual([{ userId: PRIYA, name: 'Priya Shah' }]);
    expect(await repositories.coaching.myCoaches()).toEqual([]);
    expect(await repositories.coaching.isInCoaching()).toBe(true);
    await actAs(db, PRIYA);
    expect(await repositories.coaching.myCoaches()).toEqual([{ userId: SAM, name: 'Sam Lee' }]);
    expect(await repositories.coaching.myCoachees()).toEqual([]);
    await actAs(db, 'user-0');
    expect(await repositories.coaching.isInCoaching()).toBe(false);
  });

  it('adds sessions as the coach, only for someone they coach, and lists them newest first', async () => {
    const first = await repositories.coaching.create({ participantId: PRIYA, heldOn: '2026-03-02', focus: 'Outcomes of the diagnostic' });
    const second = await repositories.coaching.create({ participantId: PRIYA, heldOn: '2026-05-14' });
    expect(first).toMatchObject({ coachId: SAM, participantId: PRIYA, notes: '', nextSteps: '', owner: SAM });
    await expect(repositories.coaching.create({ participantId: 'user-0', heldOn: '2026-05-14' })).rejects.toThrow(/someone you coach/);
    expect((await repositories.coaching.listForMe()).map((s) => s.id)).toEqual([second.id, first.id]);

    await actAs(db, PRIYA);
    expect((await repositories.coaching.listForMe()).map((s) => s.id)).toEqual([second.id, first.id]);
    await actAs(db, 'user-0');
    expect(await repositories.coaching.listForMe()).toEqual([]);
  });

  it('writes only the changed fields, never who the pair are, and deletes with undo', async () => {
    const session = await repositories.coaching.create({ participantId: PRIYA, heldOn: '2026-05-14', notes: 'Started on the diagnostic.' });
    await db.outbox.clear();
    await actAs(db, PRIYA);
    // The same notes, new next steps, and an attempt to take over as coach (ignored).
    const changes = { notes: 'Started on the diagnostic.', nextSteps: 'Share results with SLT.', coachId: PRIYA };
    await repositories.coaching.update(session.id, changes);
    const rows = await db.outbox.toArray();
    expect(rows.map((row) => row.fields)).toEqual([{ nextSteps: 'Share results with SLT.' }]);
    expect((await repositories.coaching.get(session.id))?.coachId).toBe(SAM);

    await actAs(db, 'user-0');
    await expect(repositories.coaching.update(session.id, { notes: 'x' })).rejects.toThrow(/Only the coach and the participant/);

    await actAs(db, SAM);
    await repositories.coaching.remove(session.id);
    expect(await repositories.coaching.listForMe()).toEqual([]);
    await repositories.coaching.restore(session.id);
    expect(await repositories.coaching.listForMe()).toHaveLength(1);
  });
});
