import { formatMeasureValue, type ImpactMeasure, type MeasureReading } from '../../domain/impactMeasure';

export function formatForMeasure(measure: Pick<ImpactMeasure, 'unit' | 'unitLabel'>, value: number): string {
  return formatMeasureValue(value, measure.unit, measure.unitLabel);
}

/** "27% → 79% (target 70%)": where the measure started, where it is now, where it aims. */
export function measureProgressText(measure: ImpactMeasure, latest: MeasureReading | null): string {
  const start = formatForMeasure(measure, measure.baselineValue);
  const progress = latest ? `${start} → ${formatForMeasure(measure, latest.value)}` : `${start} → no readings yet`;
  return measure.target === null ? progress : `${progress} (target ${formatForMeasure(measure, measure.target)})`;
}
