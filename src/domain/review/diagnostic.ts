import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema, VISIBILITIES } from '../syncedRecord';

/**
 * The leadership qualities a local authority agreed for its leaders (DOMAIN.md), rated by the
 * participant at the start of the year and again later to show growth.
 */
export const LEADERSHIP_QUALITIES = [
  { id: 'drive', label: 'Passion, drive and initiative' },
  { id: 'communicator', label: 'Effective communicator' },
  { id: 'visionary', label: 'Visionary — sees the big picture' },
  { id: 'emotional_intelligence', label: 'Emotional intelligence' },
  { id: 'resilience', label: 'Resilience' },
  { id: 'motivator', label: 'Motivator and enabler' },
  { id: 'decision_maker', label: 'Decision maker' },
  { id: 'risk_taker', label: 'Risk taker who trusts others' },
  { id: 'responsible', label: 'Responsible for self and others' },
  { id: 'reflective', label: 'Reflective, learns from mistakes' },
  { id: 'challenger', label: 'Questions, supports and challenges others' },
] as const;
export type QualityId = (typeof LEADERSHIP_QUALITIES)[number]['id'];
export const QUALITY_IDS = LEADERSHIP_QUALITIES.map((q) => q.id) as [QualityId, ...QualityId[]];

export const MIN_RATING = 1;
export const MAX_RATING = 5;

export const qualityRatingSchema = z.object({
  /** 1 (not yet) … 5 (a real strength); null while not rated. */
  score: z.number().int().min(MIN_RATING).max(MAX_RATING).nullable().default(null),
  note: z.string().max(2000, { error: 'Keep a note under 2,000 characters.' }).default(''),
});
export type QualityRating = z.infer<typeof qualityRatingSchema>;

/** One sitting of the diagnostic. Taking it again later is a new record, so both are kept to compare. */
export const diagnosticContentSchema = z.object({
  takenOn: isoDateSchema,
  /** "Start of the year", "Spring review"… */
  label: z.string().trim().max(100).default(''),
  ratings: z.partialRecord(z.enum(QUALITY_IDS), qualityRatingSchema).default({}),
  visibility: z.enum(VISIBILITIES).default('private'),
});
export type DiagnosticContent = z.infer<typeof diagnosticContentSchema>;

export const diagnosticSchema = syncedRecordSchema.extend(diagnosticContentSchema.shape);
export type Diagnostic = z.infer<typeof diagnosticSchema>;
