import { z } from 'zod';
import { formatUkDate, fromDateTimeLocalValue, isFarFuture, toDateTimeLocalValue } from '../../domain/dates';
import { hasWriting, parseTags, type LogEntry } from '../../domain/logEntry';
import type { LogEntryInput } from '../db/repositories/logEntryRepository';
import { REFLECTION_TEMPLATE_IDS } from '../../domain/reflectionTemplates';

/** An entry dated more than this far ahead is questioned (not refused): probably a typo. */
export const FUTURE_QUESTION_DAYS = 1;

/** The entry form's values; also the shape of the autosaved new-entry draft. */
export const entryFormSchema = z.object({
  body: z.string(),
  template: z.enum(REFLECTION_TEMPLATE_IDS),
  responses: z.record(z.string(), z.string()),
  tagsText: z.string(),
  /** `datetime-local` value; empty means "now" at the moment of saving. */
  occurredAtLocal: z.string(),
  confirmFutureDate: z.boolean(),
  challengeId: z.string().nullable(),
  trialId: z.string().nullable(),
  measureId: z.string().nullable(),
});
export type EntryFormValues = z.infer<typeof entryFormSchema>;

export const BLANK_ENTRY_FORM: EntryFormValues = {
  body: '',
  template: 'free',
  responses: {},
  tagsText: '',
  occurredAtLocal: '',
  confirmFutureDate: false,
  challengeId: null,
  trialId: null,
  measureId: null,
};

/**
 * Reads a stored draft field by field: a field that is missing or unreadable (a draft written
 * by an older version of the app, or a truncated one) falls back to its default, and the rest
 * is kept. tests/unit/journal/entryDraft.test.ts keeps a legacy fixture.
 */
export function parseEntryDraft(stored: unknown): EntryFormValues {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const values: Record<string, unknown> = { ...BLANK_ENTRY_FORM };
  for (const [key, fieldSchema] of Object.entries(entryFormSchema.shape)) {
    const result = fieldSchema.safeParse(input[key]);
    if (result.success) values[key] = result.data;
  }
  return values as EntryFormValues;
}

/** Problems to show inline, by field; an empty object means the entry can be saved. */
export function checkEntryForm(values: EntryFormValues, now: Date): Partial<Record<'body' | 'occurredAtLocal', string>> {
  const problems: Partial<Record<'body' | 'occurredAtLocal', string>> = {};
  if (!hasWriting(values)) problems.body = 'Write something first — an empty entry is not saved. Your draft is kept.';
  if (values.occurredAtLocal !== '') {
    const iso = fromDateTimeLocalValue(values.occurredAtLocal);
    if (!iso) problems.occurredAtLocal = 'Enter a valid date and time.';
    else if (isFarFuture(iso, now, FUTURE_QUESTION_DAYS) && !values.confirmFutureDate) {
      problems.occurredAtLocal = `This entry is dated ${formatUkDate(iso)}, in the future. Is that right? Tick the box to keep it.`;
    }
  }
  return problems;
}

/** The form's zod schema for react-hook-form: the stored shape plus the checks above. */
export function entryFormValidationSchema(now: () => Date = () => new Date()) {
  return entryFormSchema.superRefine((values, context) => {
    for (const [path, message] of Object.entries(checkEntryForm(values, now()))) {
      context.addIssue({ code: 'custom', path: [path], message });
    }
  });
}

export function toLogEntryInput(values: EntryFormValues, now: Date): LogEntryInput {
  const occurredAt = (values.occurredAtLocal && fromDateTimeLocalValue(values.occurredAtLocal)) || now.toISOString();
  return {
    occurredAt,
    body: values.body,
    template: values.template,
    responses: Object.fromEntries(Object.entries(values.responses).filter(([, text]) => text.trim() !== '')),
    tags: parseTags(values.tagsText),
    challengeId: values.challengeId || null,
    trialId: values.trialId || null,
    measureId: values.measureId || null,
  };
}

export function fromLogEntry(entry: LogEntry): EntryFormValues {
  return parseEntryDraft({
    body: entry.body,
    template: entry.template,
    responses: entry.responses,
    tagsText: entry.tags.join(', '),
    occurredAtLocal: toDateTimeLocalValue(entry.occurredAt),
    confirmFutureDate: true,
    challengeId: entry.challengeId,
    trialId: entry.trialId,
    measureId: entry.measureId,
  });
}
