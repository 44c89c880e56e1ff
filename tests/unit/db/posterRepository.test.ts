import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';

let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  db = new SetwiseDatabase('test-' + crypto.randomUUID());
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

async function seedYear() {
  const challenge = await repos.challenge.save({
    focus: 'Improving the quality of teaching',
    issue: 'Phonics teaching in KS1 is not yet consistently good.',
    themes: ['attainment'],
  });
  const trial = await repos.trials.create({ what: 'Daily phonics observations', withWhom: 'Year 1 teachers', challengeId: challenge.id });
  await repos.trials.setStatus(trial.id, 'under_way');
  await repos.trials.saveReview(trial.id, { learning: 'Short daily observations beat termly ones', nextStep: 'continue' });
  const measure = await repos.measures.create({
    name: 'Pupils passing the KS1 phonics check',
    unit: 'percent',
    baselineValue: 27,
    baselineDate: '2025-09-15',
    target: 70,
    challengeId: challenge.id,
  });
  await repos.measures.addReading({ measureId: measure.id, date: '2026-07-01', value: 79, note: '' });
  return { challenge, trial, measure };
}

/** Every record the poster is built from, exactly as stored. */
async function records() {
  const [challenges, revisions, trials, measures, readings] = await Promise.all([
    db.challenges.toArray(),
    db.challengeRevisions.toArray(),
    db.trials.toArray(),
    db.measures.toArray(),
    db.readings.toArray(),
  ]);
  return { challenges, revisions, trials, measures, readings };
}

describe('the impact poster', () => {
  it('with no challenge there is nothing to build from, and build() says so', async () => {
    expect(await repos.posters.page()).toEqual({ state: 'no-challenge' });
    await expect(repos.posters.build()).rejects.toThrow('Write your challenge first');
    expect(await db.posters.count()).toBe(0);
  });

  it('is made in one call, private and A4, and built from the records', async () => {
    await seedYear();
    expect((await repos.posters.page()).state).toBe('not-made');
    expect(await repos.posters.current()).toBeUndefined();

    const poster = await repos.posters.build();
    expect(poster).toMatchObject({ size: 'A4', overrides: {}, visibility: 'private', measureIds: null, title: '' });
    // A second tap returns the same poster.
    expect((await repos.posters.build()).id).toBe(poster.id);
    expect(await db.posters.count()).toBe(1);

    const page = await repos.posters.page();
    if (page.state !== 'made') throw new Error('expected a poster');
    const texts = Object.fromEntries(page.view.sections.map((s) => [s.section, s.text]));
    expect(texts.focus).toBe('Improving the quality of teaching');
    expect(texts.impact).toBe('Pupils passing the KS1 phonics check: 27% → 79%, target 70% met');
    expect(texts.learningPoints).toBe('Short daily observations beat termly ones');
    expect(texts.themes).toBe('Raising attainment');
    expect(texts.actionsTaken).toBe('Daily phonics observations — with Year 1 teachers — Done');
  });

  it('editing the poster changes the poster only: the challenge, trials, measures and readings are exactly as they were', async () => {
    await seedYear();
    await repos.posters.build();
    const before = await records();
    const otherOutboxRows = async () => (await db.outbox.toArray()).filter((row) => row.table !== 'posters');
    const outboxBefore = await otherOutboxRows();

    await repos.posters.setOverride('focus', 'Phonics at Oakfield Primary');
    await repos.posters.setOverride('learningPoints', 'Observe little and often');
    await repos.posters.setSize('A3');
    await repos.posters.setTitle('Our phonics year');
    await repos.posters.setVisibility('set');
    await repos.posters.clearOverride('focus');

    expect(await records()).toEqual(before);
    // Nothing but the poster waits to sync.
    expect(await otherOutboxRows()).toEqual(outboxBefore);
    const poster = await repos.posters.current();
    expect(poster).toMatchObject({ overrides: { learningPoints: 'Observe little and often' }, size: 'A3', title: 'Our phonics year', visibility: 'set' });

    const page = await repos.posters.page();
    if (page.state !== 'made') throw new Error('expected a poster');
    expect(page.view.title).toBe('Our phonics year');
    const learning = page.view.sections.find((s) => s.section === 'learningPoints');
    expect(learning).toMatchObject({ overridden: true, text: 'Observe little and often', fromRecords: 'Short daily observations beat termly ones' });
    expect(page.view.sections.find((s) => s.section === 'focus')).toMatchObject({ overridden: false, text: 'Improving the quality of teaching' });
  });

  it('writes only the overrides field when a section is edited', async () => {
    await seedYear();
    const poster = await repos.posters.build();
    const stampsBefore = { ...poster.clocks };
    const edited = await repos.posters.setOverride('issue', 'Phonics was patchy.');
    const changed = Object.keys(edited.clocks).filter((field) => edited.clocks[field] !== stampsBefore[field]);
    expect(changed).toEqual(['overrides']);
    const row = (await db.outbox.where('recordId').equals(poster.id).toArray()).at(-1);
    expect(Object.keys(row?.fields ?? {})).toContain('overrides');
  });

  it('a change that changes nothing writes nothing', async () => {
    await seedYear();
    const poster = await repos.posters.build();
    const same = await repos.posters.setSize('A4');
    expect(same.updatedAt).toBe(poster.updatedAt);
    expect((await repos.posters.clearOverride('themes')).updatedAt).toBe(poster.updatedAt);
  });

  it('refuses an unknown section, size or visibility', async () => {
    await seedYear();
    await repos.posters.build();
    await expect(repos.posters.setOverride('nonsense' as never, 'x')).rejects.toThrow();
    await expect(repos.posters.setSize('A5' as never)).rejects.toThrow();
    await expect(repos.posters.setVisibility('everyone' as never)).rejects.toThrow();
  });

  it('refuses to edit a poster that has not been made', async () => {
    await seedYear();
    await expect(repos.posters.setOverride('focus', 'x')).rejects.toThrow('make it first');
  });

  it('keeps a live query of the page up to date as the records change', async () => {
    const { measure } = await seedYear();
    await repos.posters.build();
    const seen: string[] = [];
    const subscription = liveQuery(() => repos.posters.page()).subscribe((page) => {
      if (page.state === 'made') seen.push(page.view.sections.find((s) => s.section === 'impact')?.text ?? '');
    });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await repos.measures.addReading({ measureId: measure.id, date: '2026-07-20', value: 60, note: '' });
    await expect.poll(() => seen.at(-1)).toBe('Pupils passing the KS1 phonics check: 27% → 60%, 10 to go to the target of 70%');
    await repos.posters.setOverride('impact', 'Phonics results rose.');
    await expect.poll(() => seen.at(-1)).toBe('Phonics results rose.');
    subscription.unsubscribe();
  });
});
