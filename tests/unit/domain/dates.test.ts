import { describe, expect, it } from 'vitest';
import {
  formatUkDate,
  formatUkDateTime,
  fromDateTimeLocalValue,
  isFarFuture,
  toDateTimeLocalValue,
  toIsoDate,
} from '../../../src/domain/dates';

describe('formatUkDate', () => {
  it.each([
    ['2026-05-14', '14 May 2026'],
    ['2026-01-01', '1 January 2026'],
    ['2025-12-31', '31 December 2025'],
  ])('%s → %s', (iso, expected) => {
    expect(formatUkDate(iso)).toBe(expected);
  });

  it('formats a date-time by its local day', () => {
    const iso = new Date(2026, 4, 14, 9, 30).toISOString();
    expect(formatUkDate(iso)).toBe('14 May 2026');
    expect(formatUkDateTime(iso)).toBe('14 May 2026, 09:30');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatUkDate('soon')).toBe('soon');
    expect(formatUkDateTime('soon')).toBe('soon');
  });
});

describe('isFarFuture', () => {
  const now = new Date(2026, 4, 14, 9, 30);

  it.each([
    ['2027-06-01', 365, true],
    ['2026-06-01', 365, false],
    ['2026-05-16', 1, true],
    ['2026-05-14', 0, false],
    ['2020-01-01', 0, false],
    ['not a date', 0, false],
  ])('%s more than %d days ahead → %s', (iso, days, expected) => {
    expect(isFarFuture(iso, now, days)).toBe(expected);
  });

  it('works on date-times too', () => {
    const inTwoDays = new Date(now.getTime() + 2 * 24 * 3600 * 1000).toISOString();
    expect(isFarFuture(inTwoDays, now, 1)).toBe(true);
    expect(isFarFuture(inTwoDays, now, 3)).toBe(false);
  });
});

describe('local date helpers', () => {
  it('toIsoDate gives the local calendar date', () => {
    expect(toIsoDate(new Date(2026, 4, 4, 23, 59))).toBe('2026-05-04');
  });

  it('datetime-local values round-trip to the minute', () => {
    const iso = new Date(2026, 4, 14, 9, 30).toISOString();
    const local = toDateTimeLocalValue(iso);
    expect(local).toBe('2026-05-14T09:30');
    expect(fromDateTimeLocalValue(local)).toBe(iso);
  });

  it('an unreadable datetime-local value gives null, an unreadable ISO gives ""', () => {
    expect(fromDateTimeLocalValue('')).toBeNull();
    expect(toDateTimeLocalValue('nonsense')).toBe('');
  });
});
