import { z } from 'zod';
import { isoDateSchema } from '../../domain/dates';
import {
  checkValueForUnit,
  measureDefinitionSchema,
  parseReadingValue,
  readingContentSchema,
  type ImpactMeasure,
} from '../../domain/impactMeasure';
import { MEASURE_UNITS, type MeasureUnit } from '../../domain/programme';
import { collectIssues } from '../ui/formIssues';

/** What a measure is linked to, as one select value: "challenge:<id>", "trial:<id>" or "". */
export function linkValue(measure: Pick<ImpactMeasure, 'challengeId' | 'trialId'>): string {
  if (measure.trialId) return `trial:${measure.trialId}`;
  if (measure.challengeId) return `challenge:${measure.challengeId}`;
  return '';
}

function parseLink(value: string): { challengeId: string | null; trialId: string | null } {
  if (value.startsWith('challenge:')) return { challengeId: value.slice('challenge:'.length), trialId: null };
  if (value.startsWith('trial:')) return { challengeId: null, trialId: value.slice('trial:'.length) };
  return { challengeId: null, trialId: null };
}

/**
 * The measure as typed. Numbers stay text ("79%" is fine) until the transform parses them and
 * checks the whole definition with the domain's measureDefinitionSchema, so a bad value
 * shows its message inline while the typed text stays in the box.
 */
export const measureFormSchema = z
  .object({
    name: z.string(),
    unit: z.enum(MEASURE_UNITS),
    unitLabel: z.string(),
    baselineValue: z.string(),
    baselineDate: z.string(),
    target: z.string(),
    link: z.string(),
  })
  .transform((values, ctx) => {
    const issues = collectIssues(ctx);
    const baselineValue = parseReadingValue(values.baselineValue);
    if (Number.isNaN(baselineValue)) issues.add(['baselineValue'], 'Enter the baseline as a number, e.g. 27.');
    const target = values.target.trim() === '' ? null : parseReadingValue(values.target);
    if (target !== null && Number.isNaN(target)) issues.add(['target'], 'Enter the target as a number, or leave it empty.');
    if (values.baselineDate === '') issues.add(['baselineDate'], 'Enter the date of the baseline.');

    const result = measureDefinitionSchema.safeParse({
      name: values.name,
      unit: values.unit,
      unitLabel: values.unit === 'free' ? values.unitLabel : '',
      baselineValue,
      baselineDate: values.baselineDate,
      target,
      ...parseLink(values.link),
    });
    if (!result.success) issues.addAll(result.error.issues);
    // The unit's range, even where the object check stopped early.
    for (const [field, value] of [['baselineValue', baselineValue], ['target', target]] as const) {
      const problem = value === null || Number.isNaN(value) ? null : checkValueForUnit(values.unit, value);
      if (problem) issues.add([field], problem);
    }
    if (!result.success || issues.count > 0) return z.NEVER;
    return result.data;
  });
export type MeasureFormValues = z.input<typeof measureFormSchema>;
export type MeasureFormOutput = z.output<typeof measureFormSchema>;

export function measureFormValues(measure: ImpactMeasure | null, defaults: { link: string; today: string }): MeasureFormValues {
  if (!measure) {
    return { name: '', unit: 'percent', unitLabel: '', baselineValue: '', baselineDate: defaults.today, target: '', link: defaults.link };
  }
  return {
    name: measure.name,
    unit: measure.unit,
    unitLabel: measure.unitLabel,
    baselineValue: String(measure.baselineValue),
    baselineDate: measure.baselineDate,
    target: measure.target === null ? '' : String(measure.target),
    link: linkValue(measure),
  };
}

/** A new reading as typed; a date after today must be confirmed, not refused. */
export function readingFormSchema(measureId: string, unit: MeasureUnit, today: string) {
  return z
    .object({ date: z.string(), value: z.string(), note: z.string(), confirmFuture: z.boolean() })
    .transform((values, ctx) => {
      const issues = collectIssues(ctx);
      const value = parseReadingValue(values.value);
      if (Number.isNaN(value)) issues.add(['value'], 'Enter the reading as a number, e.g. 79.');
      else {
        const problem = checkValueForUnit(unit, value);
        if (problem) issues.add(['value'], problem);
      }
      if (values.date === '') issues.add(['date'], 'Enter the date of the reading.');
      else if (isoDateSchema.safeParse(values.date).success && values.date > today && !values.confirmFuture) {
        issues.add(['confirmFuture'], 'Tick the box to keep this date, or change it.');
      }
      const result = readingContentSchema.safeParse({ measureId, date: values.date, value, note: values.note });
      if (!result.success) issues.addAll(result.error.issues);
      if (!result.success || issues.count > 0) return z.NEVER;
      return result.data;
    });
}
export type ReadingFormValues = z.input<ReturnType<typeof readingFormSchema>>;
export type ReadingFormOutput = z.output<ReturnType<typeof readingFormSchema>>;
