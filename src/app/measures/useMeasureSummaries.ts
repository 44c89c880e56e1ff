import type { ImpactMeasure, MeasureReading } from '../../domain/impactMeasure';
import { useLive } from '../db/useLiveRecords';

export interface MeasureSummary {
  readonly measure: ImpactMeasure;
  readonly latest: MeasureReading | null;
}

/** Every measure with its latest reading, kept live; undefined while loading. */
export function useMeasureSummaries(): MeasureSummary[] | undefined {
  return useLive(async (repositories) => {
    const measures = await repositories.measures.list();
    return Promise.all(
      measures.map(async (measure) => {
        const readings = await repositories.measures.readings(measure.id);
        return { measure, latest: readings.at(-1) ?? null };
      }),
    );
  });
}
