import { z } from 'zod';
import { isoDateSchema } from './dates';
import { MEASURE_UNITS, type MeasureUnit } from './programme';
import { syncedRecordSchema, VISIBILITIES } from './syncedRecord';

/** The range a value may take in each unit; the message says it in the person's terms. */
export function checkValueForUnit(unit: MeasureUnit, value: number): string | null {
  if (!Number.isFinite(value)) return 'Enter a number.';
  switch (unit) {
    case 'percent':
      return value < 0 || value > 100 ? 'A percentage must be between 0 and 100.' : null;
    case 'count':
      return !Number.isInteger(value) || value < 0 ? 'A count must be a whole number, 0 or more.' : null;
    case 'score':
    case 'free':
      return Math.abs(value) > 1e12 ? 'That number is too large.' : null;
  }
}

/** A number typed into a form: "79", "79%", " 79.5 " → 79.5; anything else → NaN. */
export function parseReadingValue(text: string): number {
  const cleaned = text.trim().replace(/%$/, '').replace(/,/g, '').trim();
  if (cleaned === '' || !/^-?\d*(\.\d+)?$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export const measureDefinitionSchema = z
  .object({
    name: z
      .string({ error: 'Give the measure a name, e.g. "Pupils passing the phonics check".' })
      .trim()
      .min(1, { error: 'Give the measure a name, e.g. "Pupils passing the phonics check".' })
      .max(300),
    unit: z.enum(MEASURE_UNITS),
    unitLabel: z.string().trim().max(40).default(''),
    baselineValue: z.number({ error: 'Enter the baseline as a number.' }),
    baselineDate: isoDateSchema,
    target: z.number().nullable().default(null),
    challengeId: z.string().nullable().default(null),
    trialId: z.string().nullable().default(null),
    visibility: z.enum(VISIBILITIES).default('private'),
  })
  .superRefine((measure, ctx) => {
    const baselineProblem = checkValueForUnit(measure.unit, measure.baselineValue);
    if (baselineProblem) ctx.addIssue({ code: 'custom', message: baselineProblem, path: ['baselineValue'] });
    if (measure.target !== null) {
      const targetProblem = checkValueForUnit(measure.unit, measure.target);
      if (targetProblem) ctx.addIssue({ code: 'custom', message: targetProblem, path: ['target'] });
    }
    if (measure.unit === 'free' && measure.unitLabel === '') {
      ctx.addIssue({ code: 'custom', message: 'Say what the unit is, e.g. "sessions".', path: ['unitLabel'] });
    }
  });
export type MeasureDefinition = z.infer<typeof measureDefinitionSchema>;

export const impactMeasureSchema = syncedRecordSchema.extend(measureDefinitionSchema.shape);
export type ImpactMeasure = z.infer<typeof impactMeasureSchema>;

/** Each reading is its own record so two devices adding readings never collide. */
export const readingContentSchema = z.object({
  measureId: z.string().min(1),
  date: isoDateSchema,
  value: z.number({ error: 'Enter the reading as a number.' }),
  note: z.string().trim().max(2000).default(''),
});
export type ReadingContent = z.infer<typeof readingContentSchema>;

export const measureReadingSchema = syncedRecordSchema.extend(readingContentSchema.shape);
export type MeasureReading = z.infer<typeof measureReadingSchema>;

export function formatMeasureValue(value: number, unit: MeasureUnit, unitLabel = ''): string {
  const number = Number.isInteger(value) ? String(value) : value.toFixed(1);
  switch (unit) {
    case 'percent':
      return `${number}%`;
    case 'count':
    case 'score':
      return number;
    case 'free':
      return unitLabel ? `${number} ${unitLabel}` : number;
  }
}
