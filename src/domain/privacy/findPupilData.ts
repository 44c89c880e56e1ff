import type { PupilDataFinding } from './pupilDataFinding';
import { findPupilNames, joinNameFindings } from './pupilNames';
import { isValidUpn } from './uniquePupilNumber';

export { PUPIL_DATA_KINDS, type PupilDataFinding, type PupilDataKind } from './pupilDataFinding';

/**
 * The pupil-data guard: a simple, explainable check of what someone wrote for personal data
 * about a pupil — a full name, a date of birth, a UPN or ULN — so that the journal can suggest
 * initials instead. It runs on the device and never blocks saving; each finding says why in
 * plain words. It looks at where words stand, not at a list of pupils (the device has none), so
 * it misses some names and is kept from flagging school words ("Pupil Premium", "Student
 * Council") and adults ("Mrs Okafor"). Decision 017 lists what it catches and what it misses.
 */

const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;
/** 03/04/2016, 3.4.16, 2016-04-03, 3 April 2016, 3rd of April 2016, April 3, 2016. */
const DATE = [
  String.raw`\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})`,
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}${ORDINAL}\s+(?:of\s+)?(?:${MONTH})\.?,?\s+\d{4}`,
  String.raw`(?:${MONTH})\.?\s+\d{1,2}${ORDINAL},?\s+\d{4}`,
].join('|');
/** A date only counts after words that say it is a birth date: a meeting's date is not personal data. */
const DATE_OF_BIRTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(d\.?[ ]?o\.?[ ]?b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)(?:\s*[:=–-]\s*|\s+)(?:(?:is|was)\s+)?(?:the\s+)?(${DATE})(?![\p{L}\p{N}])`,
  'giud',
);
/** Letter + 12 digits (or 11 digits and a letter) standing alone; counted when its check letter is right. */
const UPN_SHAPED = /(?<![\p{L}\p{N}])[A-Za-z]\d{11}[\dA-Za-z](?![\p{L}\p{N}])/gu;
/** After "UPN" even a mistyped one counts: the writer has said what it is. */
const UPN_AFTER_KEYWORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(upn|unique\s+pupil\s+number|pupil\s+number)s?\s*(?:is\s+)?[:=–-]?\s*([A-Za-z]\d{11}[\dA-Za-z])(?![\p{L}\p{N}])`,
  'giud',
);
/** The Unique Learner Number is any 10 digits, so only after the words that name it. */
const ULN_AFTER_KEYWORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(uln|unique\s+learner\s+number|learner\s+number)s?\s*(?:is\s+)?[:=–-]?\s*(\d{10})(?![\p{L}\p{N}])`,
  'giud',
);

const tidy = (written: string) => written.replace(/\s+/gu, ' ').trim();

/** The second group of a `d`-flagged match as a finding, or null if the engine gave no indices. */
function groupFinding(
  text: string,
  match: RegExpMatchArray,
  kind: PupilDataFinding['kind'],
  reason: string,
  suggestion: string,
): PupilDataFinding | null {
  const span = match.indices?.[2];
  if (!span) return null;
  const [start, end] = span;
  return { kind, start, end, text: text.slice(start, end), reason, suggestion };
}

function datesOfBirth(text: string): PupilDataFinding[] {
  return [...text.matchAll(DATE_OF_BIRTH)].flatMap((match) => {
    const finding = groupFinding(text, match, 'date-of-birth', `Looks like a date of birth after “${tidy(match[1] ?? '')}”`, '[date removed]');
    return finding ? [finding] : [];
  });
}

function pupilNumbers(text: string): PupilDataFinding[] {
  const findings: PupilDataFinding[] = [];
  for (const match of text.matchAll(UPN_AFTER_KEYWORD)) {
    const finding = groupFinding(text, match, 'upn', `Looks like a Unique Pupil Number after “${tidy(match[1] ?? '')}”`, '[UPN removed]');
    if (finding) findings.push(finding);
  }
  for (const match of text.matchAll(UPN_SHAPED)) {
    if (!isValidUpn(match[0])) continue;
    const start = match.index ?? 0;
    findings.push({
      kind: 'upn',
      start,
      end: start + match[0].length,
      text: match[0],
      reason: 'Looks like a Unique Pupil Number (a letter and 12 digits)',
      suggestion: '[UPN removed]',
    });
  }
  for (const match of text.matchAll(ULN_AFTER_KEYWORD)) {
    const finding = groupFinding(text, match, 'uln', `Looks like a Unique Learner Number after “${tidy(match[1] ?? '')}”`, '[ULN removed]');
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * In text order, none overlapping: two names that share words become one; otherwise the one
 * starting first (or, from one place, the longer) is kept.
 */
function withoutOverlaps(text: string, findings: readonly PupilDataFinding[]): PupilDataFinding[] {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PupilDataFinding[] = [];
  for (const finding of ordered) {
    const previous = kept.at(-1);
    if (!previous || finding.start >= previous.end) kept.push(finding);
    else if (previous.kind === 'pupil-name' && finding.kind === 'pupil-name') kept[kept.length - 1] = joinNameFindings(text, previous, finding);
  }
  return kept;
}

/** Every place in `text` that seems to identify a pupil, in text order, none overlapping. */
export function findPupilData(text: string): PupilDataFinding[] {
  return withoutOverlaps(text, [...findPupilNames(text), ...datesOfBirth(text), ...pupilNumbers(text)]);
}

/**
 * `text` with the finding's span replaced by its suggestion, the rest untouched. If the span no
 * longer holds what was flagged (the text changed since the check), the text comes back as it is.
 */
export function applySuggestion(text: string, finding: PupilDataFinding): string {
  if (text.slice(finding.start, finding.end) !== finding.text) return text;
  return text.slice(0, finding.start) + finding.suggestion + text.slice(finding.end);
}
