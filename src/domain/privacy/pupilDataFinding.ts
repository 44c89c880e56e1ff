/** The kinds of personal data about a pupil the guard looks for. */
export const PUPIL_DATA_KINDS = ['pupil-name', 'date-of-birth', 'upn', 'uln'] as const;
export type PupilDataKind = (typeof PUPIL_DATA_KINDS)[number];

/** One place in a text that seems to identify a pupil, with why and what to write instead. */
export interface PupilDataFinding {
  readonly kind: PupilDataKind;
  /** Where the flagged span starts in the text (UTF-16 index, as `String.slice` takes it). */
  readonly start: number;
  /** Where it ends (exclusive). */
  readonly end: number;
  /** The span as written: `text.slice(start, end)`. */
  readonly text: string;
  /** Why it was flagged, in plain words shown to the person: "Looks like a pupil's full name after “pupil”". */
  readonly reason: string;
  /** What to put in its place: initials ("R. F.") or a marker ("[date removed]"). */
  readonly suggestion: string;
}
