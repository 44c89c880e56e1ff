import { formatMeasureValue, type ImpactMeasure, type MeasureReading } from '../impactMeasure';

/** What the change words need from a measure. */
export type MeasureForChange = Pick<ImpactMeasure, 'unit' | 'unitLabel' | 'baselineValue' | 'target'>;
/** What the change words need from a reading. */
export type ReadingForChange = Pick<MeasureReading, 'date' | 'value'>;

/** Rounds away floating-point noise (70 − 52.3 = 17.700000000000003) to one decimal place. */
function tidy(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A difference, in the measure's terms: "18" for a percentage (points, not a percentage of
 * anything), "3 sessions" for a free unit.
 */
function formatDifference(measure: MeasureForChange, difference: number): string {
  const unit = measure.unit === 'percent' ? 'score' : measure.unit;
  return formatMeasureValue(tidy(difference), unit, measure.unitLabel);
}

/** The latest reading by date (the later-added one of two on the same day). */
export function latestReading<T extends ReadingForChange>(readings: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const reading of readings) {
    if (!latest || reading.date >= latest.date) latest = reading;
  }
  return latest;
}

/**
 * True when lower readings are the better ones: the target sits below the baseline (e.g.
 * persistent absence from 18% down to 10%). A measure without a target rises by default.
 */
export function lowerIsBetter(measure: MeasureForChange): boolean {
  return measure.target !== null && measure.target < measure.baselineValue;
}

/**
 * The change in words, for the chart's label, the poster and the measure's page:
 * "27% → 79%, target 70% met"; "27% → 52%, 18 to go to the target of 70%";
 * "No readings yet — baseline 27%"; without a target, "27% → 79%, up 52".
 */
export function describeMeasureChange(measure: MeasureForChange, readings: readonly ReadingForChange[]): string {
  const format = (value: number) => formatMeasureValue(value, measure.unit, measure.unitLabel);
  const baseline = format(measure.baselineValue);
  const latest = latestReading(readings);
  if (!latest) return `No readings yet — baseline ${baseline}`;

  const journey = `${baseline} → ${format(latest.value)}`;
  const { target } = measure;
  if (target === null) {
    const change = tidy(latest.value - measure.baselineValue);
    if (change === 0) return `${journey}, no change`;
    return `${journey}, ${change > 0 ? 'up' : 'down'} ${formatDifference(measure, Math.abs(change))}`;
  }
  const met = lowerIsBetter(measure) ? latest.value <= target : latest.value >= target;
  if (met) return `${journey}, target ${format(target)} met`;
  return `${journey}, ${formatDifference(measure, Math.abs(target - latest.value))} to go to the target of ${format(target)}`;
}
