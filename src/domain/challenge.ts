import { z } from 'zod';
import { isoDateTimeSchema } from './dates';
import { THEME_IDS } from './programme';
import { syncedRecordSchema, VISIBILITIES } from './syncedRecord';

const MAX_TEXT = 20_000;
const longText = z.string().trim().max(MAX_TEXT, { error: 'This is too long — keep it under 20,000 characters.' });

export const challengeContentSchema = z.object({
  focus: z
    .string({ error: 'Choose a focus or write your own.' })
    .trim()
    .min(1, { error: 'Choose a focus or write your own.' })
    .max(200, { error: 'Keep the focus short — under 200 characters.' }),
  issue: z
    .string({ error: 'Say in your own words what worries you.' })
    .trim()
    .max(MAX_TEXT, { error: 'This is too long — keep it under 20,000 characters.' })
    .min(1, { error: 'Say in your own words what worries you.' }),
  desiredOutcomes: longText.default(''),
  baseline: longText.default(''),
  successCriteria: z.array(z.string().trim().min(1).max(500)).max(20, { error: 'At most 20 success criteria.' }).default([]),
  themes: z.array(z.enum(THEME_IDS)).default([]),
  visibility: z.enum(VISIBILITIES).default('private'),
});
export type ChallengeContent = z.infer<typeof challengeContentSchema>;

export const leadershipChallengeSchema = syncedRecordSchema.extend(challengeContentSchema.shape);
export type LeadershipChallenge = z.infer<typeof leadershipChallengeSchema>;

/**
 * One saved version of the challenge. Revisions are immutable records of their own (never
 * merged), so the history survives concurrent edits on two devices: both versions appear.
 */
export const challengeRevisionSchema = syncedRecordSchema.extend({
  challengeId: z.string().min(1),
  revisedAt: isoDateTimeSchema,
  reason: z.string().max(2000).default(''),
  snapshot: challengeContentSchema,
});
export type ChallengeRevision = z.infer<typeof challengeRevisionSchema>;

/** The challenge fields that differ between two versions, for the revision history. */
export function changedChallengeFields(before: ChallengeContent, after: ChallengeContent): (keyof ChallengeContent)[] {
  const keys = Object.keys(challengeContentSchema.shape) as (keyof ChallengeContent)[];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
