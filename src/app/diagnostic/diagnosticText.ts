import { LEADERSHIP_QUALITIES, type Diagnostic, type QualityId, type QualityRating } from '../../domain/review/diagnostic';

/** The words on each point of the scale. */
export const RATING_WORDS: Readonly<Record<number, string>> = {
  1: 'Not yet',
  2: 'Emerging',
  3: 'Developing',
  4: 'Secure',
  5: 'A real strength',
};
export const RATING_SCALE = [1, 2, 3, 4, 5] as const;

export function ratingOf(sitting: Pick<Diagnostic, 'ratings'>, quality: QualityId): QualityRating {
  const rating = sitting.ratings[quality];
  return { score: rating?.score ?? null, note: rating?.note ?? '' };
}

/** "4 · Secure", or "Not rated". */
export function scoreWords(score: number | null): string {
  return score === null ? 'Not rated' : `${score} · ${RATING_WORDS[score] ?? ''}`;
}

/** "2 → 4, up 2", "3 → 3, no change", "Not rated → 3". */
export function describeChange(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'Not rated either time';
  if (from === null) return `Not rated → ${to}`;
  if (to === null) return `${from} → not rated`;
  if (to === from) return `${from} → ${to}, no change`;
  return `${from} → ${to}, ${to > from ? 'up' : 'down'} ${Math.abs(to - from)}`;
}

/** "7 of 11 qualities rated". */
export function ratedCount(sitting: Pick<Diagnostic, 'ratings'>): string {
  const rated = LEADERSHIP_QUALITIES.filter((quality) => ratingOf(sitting, quality.id).score !== null).length;
  return `${rated} of ${LEADERSHIP_QUALITIES.length} qualities rated`;
}

/** The label a new sitting is offered: the first is the start of the year. */
export function defaultSittingLabel(existing: number): string {
  return existing === 0 ? 'Start of the year' : 'Later in the year';
}

export function sittingName(sitting: Pick<Diagnostic, 'label'>): string {
  return sitting.label.trim() || 'Diagnostic';
}
