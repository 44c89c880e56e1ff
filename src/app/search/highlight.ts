// Pure: where the matched words are in a piece of text, and a short snippet around the first.
// Words are split as MiniSearch splits them (spaces and punctuation) and compared lower-cased,
// so a match MiniSearch reports ("phonics" for the query "phon") is found in the text as typed.

/** [start, end) character offsets of one matched word. */
export type MatchRange = readonly [start: number, end: number];

export interface HighlightedText {
  readonly text: string;
  readonly ranges: readonly MatchRange[];
}

export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/** Offsets of every word in `text` that is one of `terms` (lower-case document terms). */
export function matchRanges(text: string, terms: ReadonlySet<string>): MatchRange[] {
  const ranges: MatchRange[] = [];
  if (terms.size === 0) return ranges;
  for (const word of text.matchAll(WORD)) {
    if (terms.has(word[0].toLowerCase())) ranges.push([word.index, word.index + word[0].length]);
  }
  return ranges;
}

/** The whole text with its matches (for short text such as a title). */
export function highlightAll(text: string, terms: ReadonlySet<string>): HighlightedText {
  return { text, ranges: matchRanges(text, terms) };
}

/**
 * About `maxChars` of `text` around its first match (or its start, when the match was
 * elsewhere), cut at spaces, with "…" where it was cut, and the matches inside it.
 */
export function snippet(text: string, terms: ReadonlySet<string>, maxChars = 200, before = 60): HighlightedText {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, terms);
  if (flat.length <= maxChars) return { text: flat, ranges };
  const first = ranges[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && first && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + maxChars);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start && (!first || space >= first[1])) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  return {
    text: `${lead}${flat.slice(start, end)}${tail}`,
    ranges: ranges
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): MatchRange => [s - start + lead.length, e - start + lead.length]),
  };
}

/** The text in order, as plain and matched pieces, for rendering with <mark>. */
export function toSegments({ text, ranges }: HighlightedText): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue;
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
