import { describe, expect, it } from 'vitest';
import {
  checkValueForUnit,
  formatMeasureValue,
  measureDefinitionSchema,
  parseReadingValue,
} from '../../../src/domain/impactMeasure';
import type { MeasureUnit } from '../../../src/domain/programme';

const base = { name: 'Pupils passing the phonics check', unit: 'percent', baselineValue: 62, baselineDate: '2025-07-01' };

function messagesAt(input: unknown): Record<string, string[]> {
  const result = measureDefinitionSchema.safeParse(input);
  const out: Record<string, string[]> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('measureDefinitionSchema', () => {
  it('accepts a percent measure and fills defaults', () => {
    expect(measureDefinitionSchema.parse(base)).toEqual({
      ...base,
      unitLabel: '',
      target: null,
      challengeId: null,
      trialId: null,
      visibility: 'private',
    });
  });

  it('refuses a percent baseline of 120: a percentage is between 0 and 100', () => {
    expect(messagesAt({ ...base, baselineValue: 120 })).toEqual({
      baselineValue: ['A percentage must be between 0 and 100.'],
    });
  });

  it('checks the target against the unit too', () => {
    expect(messagesAt({ ...base, target: 101 })).toEqual({ target: ['A percentage must be between 0 and 100.'] });
    expect(messagesAt({ ...base, target: 85 })).toEqual({});
  });

  it('asks what the unit is for a free unit without a label', () => {
    expect(messagesAt({ ...base, unit: 'free', unitLabel: '  ' })).toEqual({
      unitLabel: ['Say what the unit is, e.g. "sessions".'],
    });
    expect(measureDefinitionSchema.parse({ ...base, unit: 'free', unitLabel: ' sessions ' }).unitLabel).toBe('sessions');
  });

  it('refuses a count that is not a whole number', () => {
    expect(messagesAt({ ...base, unit: 'count', baselineValue: 2.5 })).toEqual({
      baselineValue: ['A count must be a whole number, 0 or more.'],
    });
  });

  it('asks for a name and a numeric baseline', () => {
    expect(messagesAt({ ...base, name: ' ' })).toEqual({
      name: ['Give the measure a name, e.g. "Pupils passing the phonics check".'],
    });
    expect(messagesAt({ ...base, name: undefined })).toEqual({
      name: ['Give the measure a name, e.g. "Pupils passing the phonics check".'],
    });
    expect(messagesAt({ ...base, baselineValue: undefined })).toEqual({
      baselineValue: ['Enter the baseline as a number.'],
    });
  });
});

describe('checkValueForUnit', () => {
  const table: [MeasureUnit, number, string | null][] = [
    ['percent', 0, null],
    ['percent', 100, null],
    ['percent', 79.5, null],
    ['percent', -1, 'A percentage must be between 0 and 100.'],
    ['percent', 100.01, 'A percentage must be between 0 and 100.'],
    ['count', 0, null],
    ['count', 31, null],
    ['count', -1, 'A count must be a whole number, 0 or more.'],
    ['count', 1.5, 'A count must be a whole number, 0 or more.'],
    ['score', -40, null],
    ['score', 2e12, 'That number is too large.'],
    ['free', 3.25, null],
    ['percent', Number.NaN, 'Enter a number.'],
    ['score', Number.POSITIVE_INFINITY, 'Enter a number.'],
  ];
  it.each(table)('%s %d → %j', (unit, value, expected) => {
    expect(checkValueForUnit(unit, value)).toBe(expected);
  });
});

describe('parseReadingValue', () => {
  it.each([
    ['79%', 79],
    [' 79.5 ', 79.5],
    ['79 %', 79],
    ['1,234', 1234],
    ['-3', -3],
    ['.5', 0.5],
    ['0', 0],
  ])('%j → %d', (text, expected) => {
    expect(parseReadingValue(text)).toBe(expected);
  });

  it.each(['abc', '', '   ', '%', '12abc', '1.2.3', '-', '5e3'])('%j is not a number', (text) => {
    expect(parseReadingValue(text)).toBeNaN();
  });
});

describe('formatMeasureValue', () => {
  it.each([
    [79, 'percent', '', '79%'],
    [79.456, 'percent', '', '79.5%'],
    [12, 'count', '', '12'],
    [3.14159, 'score', '', '3.1'],
    [6, 'free', 'sessions', '6 sessions'],
    [6, 'free', '', '6'],
  ] as const)('%d %s %j → %j', (value, unit, label, expected) => {
    expect(formatMeasureValue(value, unit, label)).toBe(expected);
  });
});
