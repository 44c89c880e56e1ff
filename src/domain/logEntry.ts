import { z } from 'zod';
import { isoDateTimeSchema } from './dates';
import { REFLECTION_TEMPLATE_IDS } from './reflectionTemplates';
import { syncedRecordSchema, VISIBILITIES } from './syncedRecord';

export const MAX_BODY_CHARS = 100_000;
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;

const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TAG_CHARS, { error: `A tag can be at most ${MAX_TAG_CHARS} characters.` });

/** What a person fills in for a log entry; shared by the form and the repository. */
export const logEntryContentSchema = z.object({
  occurredAt: isoDateTimeSchema,
  body: z.string().max(MAX_BODY_CHARS, { error: 'This entry is too long to save in one piece — split it in two.' }),
  template: z.enum(REFLECTION_TEMPLATE_IDS).default('free'),
  responses: z.record(z.string(), z.string().max(MAX_BODY_CHARS)).default({}),
  tags: z.array(tagSchema).max(MAX_TAGS, { error: `At most ${MAX_TAGS} tags.` }).default([]),
  challengeId: z.string().nullable().default(null),
  trialId: z.string().nullable().default(null),
  measureId: z.string().nullable().default(null),
  visibility: z.enum(VISIBILITIES).default('private'),
});
export type LogEntryContent = z.infer<typeof logEntryContentSchema>;

/** An entry with nothing written in it is not worth a record: the draft stays instead. */
export function hasWriting(content: Pick<LogEntryContent, 'body' | 'responses'>): boolean {
  return content.body.trim() !== '' || Object.values(content.responses).some((text) => text.trim() !== '');
}

export const logEntryInputSchema = logEntryContentSchema.refine(hasWriting, {
  error: 'Write something first — an empty entry is not saved.',
  path: ['body'],
});

export const logEntrySchema = syncedRecordSchema.extend(logEntryContentSchema.shape);
export type LogEntry = z.infer<typeof logEntrySchema>;

/** Tags typed as "phonics, KS1 #walks" → ["phonics", "KS1", "walks"], de-duplicated. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(/[,#\n]/)) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

/** First line of writing, for lists. */
export function entrySummary(entry: Pick<LogEntryContent, 'body' | 'responses'>, maxChars = 140): string {
  const text = [entry.body, ...Object.values(entry.responses)].map((t) => t.trim()).find((t) => t !== '') ?? '';
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > maxChars ? `${oneLine.slice(0, maxChars - 1)}…` : oneLine;
}
