import { describe, expect, it } from 'vitest';
import {
  CHART_PADDING,
  chartGeometry,
  chartLabels,
  dayDomain,
  dayNumber,
  monthLabel,
  monthTicks,
  niceStep,
  valueDomain,
} from '../../../../src/app/measures/chartGeometry';

const phonics = {
  baseline: { date: '2025-09-15', value: 27 },
  readings: [
    { date: '2026-07-01', value: 79 },
    { date: '2026-01-20', value: 52 },
  ],
  target: 70,
  percent: true,
  width: 600,
  height: 240,
};

describe('chartGeometry', () => {
  it('puts the baseline first and the readings in date order, left to right', () => {
    const { points, plot } = chartGeometry(phonics);
    expect(points.map((p) => [p.kind, p.date, p.value])).toEqual([
      ['baseline', '2025-09-15', 27],
      ['reading', '2026-01-20', 52],
      ['reading', '2026-07-01', 79],
    ]);
    const xs = points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const point of points) {
      expect(point.x).toBeGreaterThanOrEqual(plot.left);
      expect(point.x).toBeLessThanOrEqual(plot.right);
    }
  });

  it('scales a percentage from 0 at the bottom to 100 at the top; higher values sit higher', () => {
    const { points, plot, yTicks, targetY } = chartGeometry(phonics);
    expect(plot).toEqual({ left: CHART_PADDING.left, right: 600 - CHART_PADDING.right, top: CHART_PADDING.top, bottom: 240 - CHART_PADDING.bottom });
    expect(yTicks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
    expect(yTicks[0]?.position).toBe(plot.bottom);
    expect(yTicks.at(-1)?.position).toBe(plot.top);
    const [baseline, , latest] = points;
    expect(latest!.y).toBeLessThan(baseline!.y);
    // 70% is 70% of the way up.
    expect(targetY).toBeCloseTo(plot.bottom - 0.7 * (plot.bottom - plot.top));
  });

  it('draws the line through every point in order', () => {
    const { path, points } = chartGeometry(phonics);
    expect(path.startsWith('M')).toBe(true);
    expect(path.split(' ')).toHaveLength(points.length);
  });

  it('labels months "Sep 2026" from the baseline month, as many as fit', () => {
    const { xTicks } = chartGeometry(phonics);
    expect(xTicks[0]?.label).toBe('Sep 2025');
    expect(xTicks.length).toBeGreaterThan(1);
    expect(xTicks.length).toBeLessThanOrEqual(Math.floor((600 - CHART_PADDING.left - CHART_PADDING.right) / 84));
    const narrow = chartGeometry({ ...phonics, width: 300 });
    expect(narrow.xTicks.length).toBeLessThan(xTicks.length);
  });

  it('has no target line without a target', () => {
    expect(chartGeometry({ ...phonics, target: null }).targetY).toBeNull();
  });

  it('shows a lone baseline inside its month, not at an edge', () => {
    const { points, plot, xTicks } = chartGeometry({ ...phonics, readings: [] });
    expect(points).toHaveLength(1);
    expect(points[0]!.x).toBeGreaterThan(plot.left);
    expect(points[0]!.x).toBeLessThan(plot.right);
    expect(xTicks.map((t) => t.label)).toEqual(['Sep 2025']);
  });

  it('fits counts and scores (and the target) in round numbers from 0', () => {
    const geometry = chartGeometry({ ...phonics, percent: false, baseline: { date: '2026-01-05', value: 3 }, readings: [{ date: '2026-03-01', value: 9 }], target: 12 });
    const values = geometry.yTicks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBeGreaterThanOrEqual(12);
    expect(geometry.targetY).toBeGreaterThanOrEqual(geometry.plot.top);
  });

  it('goes below 0 for negative scores', () => {
    const geometry = chartGeometry({ ...phonics, percent: false, baseline: { date: '2026-01-05', value: -2.5 }, readings: [{ date: '2026-03-01', value: 1.5 }], target: null });
    expect(geometry.yTicks[0]!.value).toBeLessThanOrEqual(-2.5);
    expect(geometry.points.every((p) => p.y >= geometry.plot.top && p.y <= geometry.plot.bottom)).toBe(true);
  });
});

describe('scales', () => {
  it.each([
    [10, 5, 2],
    [100, 4, 50],
    [7, 5, 2],
    [0.9, 3, 0.5],
    [0, 4, 1],
  ])('niceStep(%d, %d) = %d', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });

  it('valueDomain: percentages are always 0–100', () => {
    expect(valueDomain([27, 79], true, 4)).toEqual({ min: 0, max: 100, step: 25 });
    expect(valueDomain([27, 79], true, 2)).toEqual({ min: 0, max: 100, step: 50 });
    expect(valueDomain([5, 5], false, 4)).toMatchObject({ min: 0 });
  });

  it('dayDomain runs from the first of the earliest month to the first of the month after the latest', () => {
    const { min, max } = dayDomain([dayNumber('2026-05-14'), dayNumber('2026-07-02')]);
    expect(min).toBe(dayNumber('2026-05-01'));
    expect(max).toBe(dayNumber('2026-08-01'));
  });

  it('monthTicks thins the months to what fits', () => {
    const min = dayNumber('2025-09-01');
    const max = dayNumber('2026-09-01');
    expect(monthTicks(min, max, 10_000).map(monthLabel)).toHaveLength(12);
    expect(monthTicks(min, max, 84 * 4).map(monthLabel)).toEqual(['Sep 2025', 'Dec 2025', 'Mar 2026', 'Jun 2026']);
  });

  it('monthLabel reads "Sep 2026" in any time zone', () => {
    expect(monthLabel(dayNumber('2026-09-01'))).toBe('Sep 2026');
    expect(monthLabel(dayNumber('2026-12-31'))).toBe('Dec 2026');
  });
});

describe('chart labels', () => {
  it('never lets a month label run off the right edge', () => {
    for (const width of [280, 360, 440, 600]) {
      const { xTicks } = chartGeometry({ ...phonics, width });
      for (const tick of xTicks.slice(1)) expect(tick.position + 72).toBeLessThanOrEqual(width);
    }
  });
});

describe('chartLabels', () => {
  const format = (value: number) => `${value}%`;

  it('labels the baseline and the latest value above their points', () => {
    const geometry = chartGeometry(phonics);
    const { values } = chartLabels(geometry, format, 'Target 70%');
    expect(values.map((v) => v.text)).toEqual(['27%', '79%']);
    expect(values[0]!.y).toBeLessThan(geometry.points[0]!.y);
    expect(values[1]!.y).toBeLessThan(geometry.points[2]!.y);
  });

  it('puts the target’s words on its line, clear of the points and the line through them', () => {
    for (const readings of [phonics.readings, [{ date: '2026-07-01', value: 71 }], [{ date: '2026-07-01', value: 69 }], []]) {
      const geometry = chartGeometry({ ...phonics, readings });
      const { target } = chartLabels(geometry, format, 'Target 70%');
      expect(target).not.toBeNull();
      const width = 'Target 70%'.length * 9.5;
      const left = target!.anchor === 'end' ? target!.x - width : target!.anchor === 'start' ? target!.x : target!.x - width / 2;
      for (const point of geometry.points) {
        const inside = point.x > left - 8 && point.x < left + width + 8 && point.y > target!.y - 22 && point.y < target!.y + 12;
        expect(inside).toBe(false);
      }
      expect(Math.abs(target!.y - geometry.targetY!)).toBeLessThanOrEqual(20);
    }
  });

  it('has no target words without a target', () => {
    const geometry = chartGeometry({ ...phonics, target: null });
    expect(chartLabels(geometry, format, null).target).toBeNull();
  });
});
