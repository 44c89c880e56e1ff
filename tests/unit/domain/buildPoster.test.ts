import { describe, expect, it } from 'vitest';
import type { LeadershipChallenge } from '../../../src/domain/challenge';
import type { ImpactMeasure, MeasureReading } from '../../../src/domain/impactMeasure';
import { actionLine, applyOverrides, buildPoster, splitIntoPoints } from '../../../src/domain/review/buildPoster';
import { EMPTY_TRIAL_REVIEW, type StrategyTrial } from '../../../src/domain/strategyTrial';

const record = (id: string, createdAt = '2025-09-10T09:00:00.000Z') => ({
  id,
  owner: 'local',
  createdAt,
  updatedAt: createdAt,
  deletedAt: null,
  clocks: {},
});

const challenge: LeadershipChallenge = {
  ...record('c1'),
  focus: 'Improving the quality of teaching',
  issue: 'Phonics teaching in KS1 is not yet consistently good.',
  desiredOutcomes: "To spread 'good' teaching throughout the school.",
  baseline: '',
  successCriteria: [],
  themes: ['attainment', 'evidence'],
  visibility: 'private',
};

function trial(id: string, fields: Partial<StrategyTrial>): StrategyTrial {
  return {
    ...record(id),
    what: 'Lesson study',
    why: '',
    withWhom: '',
    startDate: null,
    reviewDate: null,
    impactJudgement: '',
    challengeId: 'c1',
    visibility: 'private',
    status: 'planned',
    review: EMPTY_TRIAL_REVIEW,
    ...fields,
  };
}

function measure(id: string, fields: Partial<ImpactMeasure> = {}): ImpactMeasure {
  return {
    ...record(id),
    name: 'Pupils passing the KS1 phonics check',
    unit: 'percent',
    unitLabel: '',
    baselineValue: 27,
    baselineDate: '2025-09-15',
    target: 70,
    challengeId: 'c1',
    trialId: null,
    visibility: 'private',
    ...fields,
  };
}

const reading = (id: string, measureId: string, date: string, value: number): MeasureReading => ({ ...record(id), measureId, date, value, note: '' });

const trials = [
  trial('t2', {
    what: 'Daily phonics observations',
    withWhom: 'the Year 1 and Year 2 teachers',
    startDate: '2026-01-05',
    reviewDate: '2026-03-27',
    status: 'done',
    review: { ...EMPTY_TRIAL_REVIEW, learning: 'Short daily observations beat termly ones', wentWell: '- Teachers asked for more feedback\n- Pace improved' },
  }),
  trial('t1', { what: 'Phonics INSET', startDate: '2025-10-01', status: 'done', review: { ...EMPTY_TRIAL_REVIEW, learning: 'Modelling beats telling.' } }),
  trial('t3', { what: 'Filming lessons for self-reflection', challengeId: 'another-challenge' }),
];

const measures = [
  measure('m1'),
  measure('m2', { name: 'Lessons judged good or better', challengeId: null, trialId: 't2', baselineValue: 50, target: 80 }),
  measure('m3', { name: 'Another challenge’s measure', challengeId: 'another-challenge' }),
];
const readings = [reading('r2', 'm1', '2026-07-01', 79), reading('r1', 'm1', '2026-01-20', 52), reading('r3', 'm2', '2026-04-01', 65)];

describe('buildPoster', () => {
  const built = buildPoster({ challenge, trials, measures, readings });

  it('takes focus, issue and desired outcomes from the challenge, and themes as their labels', () => {
    expect(built.title).toBe('Improving the quality of teaching');
    expect(built.focus).toBe('Improving the quality of teaching');
    expect(built.issue).toBe('Phonics teaching in KS1 is not yet consistently good.');
    expect(built.desiredOutcomes).toBe("To spread 'good' teaching throughout the school.");
    expect(built.themes).toEqual(['Raising attainment', 'Constructive use of evidence']);
  });

  it('lists the challenge’s trials oldest first, with whom, when and where they stand', () => {
    expect(built.actionsTaken).toEqual([
      { trialId: 't1', what: 'Phonics INSET', withWhom: '', when: 'From 1 October 2025', status: 'Done' },
      {
        trialId: 't2',
        what: 'Daily phonics observations',
        withWhom: 'the Year 1 and Year 2 teachers',
        when: '5 January 2026 to 27 March 2026',
        status: 'Done',
      },
    ]);
    expect(actionLine(built.actionsTaken[1]!)).toBe(
      'Daily phonics observations — with the Year 1 and Year 2 teachers — 5 January 2026 to 27 March 2026 — Done',
    );
  });

  it('shows each measure of the challenge (directly or through its trials) with its change in words and its readings in order', () => {
    expect(built.impact.map((item) => [item.measure.id, item.change])).toEqual([
      ['m1', '27% → 79%, target 70% met'],
      ['m2', '50% → 65%, 15 to go to the target of 80%'],
    ]);
    expect(built.impact[0]!.readings.map((r) => r.value)).toEqual([52, 79]);
  });

  it('gathers the key learning points from the reviews: what I learned, then what went well, one point a line', () => {
    expect(built.learningPoints).toEqual([
      'Modelling beats telling.',
      'Short daily observations beat termly ones',
      'Teachers asked for more feedback',
      'Pace improved',
    ]);
  });

  it('uses the poster’s own choice of measures, in its order', () => {
    const chosen = buildPoster({ challenge, trials, measures, readings, measureIds: ['m2', 'gone', 'm1'] });
    expect(chosen.impact.map((item) => item.measure.id)).toEqual(['m2', 'm1']);
  });

  it('copes with a challenge that has nothing else yet', () => {
    const bare = buildPoster({ challenge: { ...challenge, desiredOutcomes: '', themes: [] }, trials: [], measures: [], readings: [] });
    expect(bare).toMatchObject({ actionsTaken: [], impact: [], learningPoints: [], themes: [], desiredOutcomes: '' });
  });
});

describe('applyOverrides', () => {
  const built = buildPoster({ challenge, trials, measures, readings });

  it('with no overrides, every section says what the records say', () => {
    const view = applyOverrides(built, {});
    expect(view.title).toBe('Improving the quality of teaching');
    expect(view.sections.map((s) => s.heading)).toEqual([
      'Focus',
      'Issue or concern',
      'Desired outcomes',
      'Specific actions taken',
      'Impact of those actions',
      'Key learning points',
      'Themes',
    ]);
    expect(view.sections.every((s) => !s.overridden && s.text === s.fromRecords)).toBe(true);
    const impact = view.sections.find((s) => s.section === 'impact')!;
    expect(impact.lines).toEqual([
      'Pupils passing the KS1 phonics check: 27% → 79%, target 70% met',
      'Lessons judged good or better: 50% → 65%, 15 to go to the target of 80%',
    ]);
  });

  it('lays the person’s words over just the sections they wrote, keeping what the records say alongside', () => {
    const view = applyOverrides(built, { issue: 'Phonics was patchy.\n\nStaff turnover was high.', learningPoints: '• Observe little and often\n\nAsk the pupils' }, 'Phonics at Oakfield');
    expect(view.title).toBe('Phonics at Oakfield');
    const issue = view.sections.find((s) => s.section === 'issue')!;
    expect(issue).toMatchObject({ overridden: true, lines: ['Phonics was patchy.', 'Staff turnover was high.'], fromRecords: challenge.issue });
    const learning = view.sections.find((s) => s.section === 'learningPoints')!;
    expect(learning.lines).toEqual(['Observe little and often', 'Ask the pupils']);
    expect(view.sections.find((s) => s.section === 'focus')!.overridden).toBe(false);
    // The charts' data still comes from the records.
    expect(view.built.impact).toHaveLength(2);
  });

  it('an empty override is the person’s choice: the section shows nothing', () => {
    const themes = applyOverrides(built, { themes: '' }).sections.find((s) => s.section === 'themes')!;
    expect(themes).toMatchObject({ overridden: true, text: '', lines: [] });
  });

  it('does not change the built poster', () => {
    const before = JSON.stringify(built);
    applyOverrides(built, { focus: 'Something else' });
    expect(JSON.stringify(built)).toBe(before);
  });
});

describe('splitIntoPoints', () => {
  it.each([
    ['one\ntwo', ['one', 'two']],
    ['- one\n* two\n• three\n1. four\n2) five', ['one', 'two', 'three', 'four', 'five']],
    ['  \n\n', []],
    ['-5 degrees stays', ['-5 degrees stays']],
  ])('%j → %j', (text, points) => {
    expect(splitIntoPoints(text)).toEqual(points);
  });
});
