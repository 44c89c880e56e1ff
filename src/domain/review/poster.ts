import { z } from 'zod';
import { syncedRecordSchema, VISIBILITIES } from '../syncedRecord';

export const POSTER_SIZES = ['A4', 'A3'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** The poster's sections, in the order the programme's impact posters use (DOMAIN.md). */
export const POSTER_SECTIONS = ['focus', 'issue', 'desiredOutcomes', 'actionsTaken', 'impact', 'learningPoints', 'themes'] as const;
export type PosterSection = (typeof POSTER_SECTIONS)[number];

const sectionText = z.string().max(20_000, { error: 'Keep a section under 20,000 characters.' });

/**
 * The impact poster. It is built from the participant's records; what they change on the
 * poster is kept here as overrides, per section, so editing the poster never changes the
 * records it was built from (and "Rebuild from my records" is dropping the overrides).
 */
export const posterContentSchema = z.object({
  title: z.string().trim().max(200).default(''),
  size: z.enum(POSTER_SIZES).default('A4'),
  /** Section → the person's own wording; a missing section shows what the records say. */
  overrides: z.partialRecord(z.enum(POSTER_SECTIONS), sectionText).default({}),
  /** Measures shown under "Impact"; null means every measure of the challenge. */
  measureIds: z.array(z.string().min(1)).max(20).nullable().default(null),
  visibility: z.enum(VISIBILITIES).default('private'),
});
export type PosterContent = z.infer<typeof posterContentSchema>;

export const posterSchema = syncedRecordSchema.extend(posterContentSchema.shape);
export type Poster = z.infer<typeof posterSchema>;
