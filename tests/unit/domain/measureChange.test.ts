import { describe, expect, it } from 'vitest';
import type { MeasureUnit } from '../../../src/domain/programme';
import { describeMeasureChange, latestReading, lowerIsBetter } from '../../../src/domain/review/measureChange';

function measure(unit: MeasureUnit, baselineValue: number, target: number | null, unitLabel = '') {
  return { unit, unitLabel, baselineValue, target };
}
const on = (date: string, value: number) => ({ date, value });

describe('describeMeasureChange', () => {
  const cases: { name: string; measure: ReturnType<typeof measure>; readings: { date: string; value: number }[]; words: string }[] = [
    { name: 'a % target met', measure: measure('percent', 27, 70), readings: [on('2026-07-01', 79)], words: '27% → 79%, target 70% met' },
    {
      name: 'a % target not yet met',
      measure: measure('percent', 27, 70),
      readings: [on('2026-03-01', 52)],
      words: '27% → 52%, 18 to go to the target of 70%',
    },
    { name: 'a target reached exactly', measure: measure('percent', 27, 70), readings: [on('2026-07-01', 70)], words: '27% → 70%, target 70% met' },
    { name: 'no readings yet', measure: measure('percent', 27, 70), readings: [], words: 'No readings yet — baseline 27%' },
    { name: 'the latest reading by date counts', measure: measure('percent', 27, 70), readings: [on('2026-07-01', 79), on('2026-03-01', 52)], words: '27% → 79%, target 70% met' },
    {
      name: 'a falling target (lower is better), met',
      measure: measure('percent', 18, 10),
      readings: [on('2026-06-01', 9)],
      words: '18% → 9%, target 10% met',
    },
    {
      name: 'a falling target, not yet met',
      measure: measure('percent', 18, 10),
      readings: [on('2026-06-01', 14)],
      words: '18% → 14%, 4 to go to the target of 10%',
    },
    {
      name: 'a falling target, going the wrong way',
      measure: measure('percent', 18, 10),
      readings: [on('2026-06-01', 21)],
      words: '18% → 21%, 11 to go to the target of 10%',
    },
    { name: 'a count with a target', measure: measure('count', 2, 12), readings: [on('2026-05-01', 9)], words: '2 → 9, 3 to go to the target of 12' },
    { name: 'a score with decimals', measure: measure('score', 2.4, 3.5), readings: [on('2026-05-01', 3.1)], words: '2.4 → 3.1, 0.4 to go to the target of 3.5' },
    {
      name: 'a free unit',
      measure: measure('free', 1, 6, 'home visits a week'),
      readings: [on('2026-05-01', 6)],
      words: '1 home visits a week → 6 home visits a week, target 6 home visits a week met',
    },
    {
      name: 'a free unit, to go',
      measure: measure('free', 10, 30, 'sessions'),
      readings: [on('2026-05-01', 27)],
      words: '10 sessions → 27 sessions, 3 sessions to go to the target of 30 sessions',
    },
    { name: 'no target, rising', measure: measure('percent', 27, null), readings: [on('2026-07-01', 79)], words: '27% → 79%, up 52' },
    { name: 'no target, falling', measure: measure('count', 40, null), readings: [on('2026-07-01', 31)], words: '40 → 31, down 9' },
    { name: 'no target, no change', measure: measure('score', 3, null), readings: [on('2026-07-01', 3)], words: '3 → 3, no change' },
    { name: 'no readings of a free unit', measure: measure('free', 4, null, 'sessions'), readings: [], words: 'No readings yet — baseline 4 sessions' },
  ];

  it.each(cases)('$name: "$words"', ({ measure: m, readings, words }) => {
    expect(describeMeasureChange(m, readings)).toBe(words);
  });
});

describe('helpers', () => {
  it('lowerIsBetter only when the target sits below the baseline', () => {
    expect(lowerIsBetter(measure('percent', 18, 10))).toBe(true);
    expect(lowerIsBetter(measure('percent', 27, 70))).toBe(false);
    expect(lowerIsBetter(measure('percent', 27, null))).toBe(false);
  });

  it('latestReading takes the latest date, and the later-listed of two on one day', () => {
    expect(latestReading([on('2026-05-01', 1), on('2026-06-01', 2), on('2026-02-01', 3)])?.value).toBe(2);
    expect(latestReading([on('2026-05-01', 1), on('2026-05-01', 2)])?.value).toBe(2);
    expect(latestReading([])).toBeUndefined();
  });
});
