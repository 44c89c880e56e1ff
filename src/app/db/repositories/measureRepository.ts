import { newId } from '../../../domain/ids';
import {
  checkValueForUnit,
  measureDefinitionSchema,
  readingContentSchema,
  type ImpactMeasure,
  type MeasureDefinition,
  type MeasureReading,
  type ReadingContent,
} from '../../../domain/impactMeasure';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { ownWritingFilter } from './ownWriting';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { setRecordVisibility } from './recordVisibility';
import { markDeleted, markRestored } from './tombstones';

/** Thrown when a reading does not fit its measure's unit; the message is for the person. */
export class ReadingOutOfRangeError extends Error {}

/** Impact measures (baseline, target) and their dated readings. */
export function createMeasureRepository(db: SetwiseDatabase) {
  async function getLive(id: string): Promise<ImpactMeasure> {
    const measure = await db.measures.get(id);
    if (!measure || !isLive(measure)) throw new Error('This measure no longer exists on this device.');
    return measure;
  }

  return {
    async create(input: Partial<MeasureDefinition>): Promise<ImpactMeasure> {
      const definition = measureDefinitionSchema.parse(input);
      return writeRecordChange<ImpactMeasure>(db, { table: 'measures', recordId: newId(), fields: definition, create: true });
    },

    async update(id: string, input: Partial<MeasureDefinition>): Promise<ImpactMeasure> {
      const current = await getLive(id);
      const before = measureDefinitionSchema.parse(current);
      const definition = measureDefinitionSchema.parse({ ...before, ...input });
      const fields = changedFields(before, definition, Object.keys(definition));
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<ImpactMeasure>(db, { table: 'measures', recordId: id, fields });
    },

    async setVisibility(id: string, visibility: Visibility): Promise<ImpactMeasure> {
      return setRecordVisibility<ImpactMeasure>(db, 'measures', id, visibility, 'This measure no longer exists on this device.');
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'measures', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'measures', id);
    },

    async get(id: string): Promise<ImpactMeasure | undefined> {
      const measure = await db.measures.get(id);
      return measure && isLive(measure) ? measure : undefined;
    },

    async list(): Promise<ImpactMeasure[]> {
      const mine = await ownWritingFilter(db);
      const measures = (await db.measures.toArray()).filter((measure) => isLive(measure) && mine(measure));
      return measures.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** Adds a dated reading; the value must fit the measure's unit (0–100 for %). */
    async addReading(input: ReadingContent): Promise<MeasureReading> {
      const reading = readingContentSchema.parse(input);
      const measure = await getLive(reading.measureId);
      const problem = checkValueForUnit(measure.unit, reading.value);
      if (problem) throw new ReadingOutOfRangeError(problem);
      return writeRecordChange<MeasureReading>(db, { table: 'readings', recordId: newId(), fields: reading, create: true });
    },

    async removeReading(id: string): Promise<void> {
      await markDeleted(db, 'readings', id);
    },

    async restoreReading(id: string): Promise<void> {
      await markRestored(db, 'readings', id);
    },

    /** Oldest first, as a chart reads them. */
    async readings(measureId: string): Promise<MeasureReading[]> {
      const readings = await db.readings.where('measureId').equals(measureId).toArray();
      return readings.filter(isLive).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
    },
  };
}
export type MeasureRepository = ReturnType<typeof createMeasureRepository>;
