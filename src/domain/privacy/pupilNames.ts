import { isNotAName, isTitle } from './notANameWords';
import type { PupilDataFinding } from './pupilDataFinding';

/**
 * A pupil's full name, found by where it stands rather than by a list of names (no school's
 * roll is on the device): two or three capitalised words straight after a pupil word ("pupil",
 * "child", "Y4", "Year 4"…), or straight before a year group, class or age in brackets
 * ("(Y4)", "(5B)", "(aged 8)"). See docs/decisions/017-pupil-data-guard.md.
 */

/**
 * One capitalised word as names are written: "Ruby", "O'Neill", "McAllister", "Smith-Okafor",
 * "Zoë", and a possessive "Finch's". Needs a lower-case second letter, so "SATs", "KS1", "SENCO"
 * and a lone initial ("Child A", "J.") are not names.
 */
const NAME_WORD = String.raw`(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:(?:[-'’]\p{Lu}?|\p{Lu})\p{Ll}+)*(?![\p{L}\p{N}])`;
const PUPIL_NOUN = String.raw`pupils?|child(?:ren)?|students?|boys?|girls?|learners?`;
const YEAR_GROUP = String.raw`(?:[Yy]|[Yy]r|[Yy]ear|YEAR)\.?[ \u00a0]?(?:1[0-3]|[1-9])`;
const CLASS_CODE = String.raw`(?:1[0-3]|[1-9])[A-Z]`;
const AGE = String.raw`[Aa]ged?[ \u00a0](?:1[0-9]|[2-9])`;

/** "pupil Ruby Finch", "child: Ruby Finch", "the pupil's name is Ruby Finch", "a girl called Ruby Finch". */
const AFTER_PUPIL_NOUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${PUPIL_NOUN})(?:['’]s)?(?:\s+(?:full\s+)?name)?(?:\s+(?:is|was))?(?:\s+(?:called|named))?(?:\s*:\s*|\s+[-–—]\s+|,\s+|\s*\(|\s+)`,
  'giu',
);
/**
 * "Y4 Ruby Finch", "Year 4: Ruby Finch". No comma form ("In Year 6, Sam Okafor tried…" is often
 * a colleague), and not after "of": "Head of Year 4 Sam Okafor" is an adult.
 */
const AFTER_YEAR_GROUP = new RegExp(String.raw`(?<![\p{L}\p{N}])(?<![Oo]f[ \u00a0])(${YEAR_GROUP})(?![\p{L}\p{N}])(?:\s*:\s*|\s+)`, 'gu');
/** Two or more capitalised words in a row, to look at what comes after them. */
const RUN_OF_NAME_WORDS = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])${NAME_WORD}(?:[ \u00a0]${NAME_WORD})+`, 'gu');
/** "(Y4)", "(5B)", "(aged 8)", ", Y4", ", aged 8" straight after the words. */
const BESIDE_NAME = new RegExp(
  String.raw`[ \u00a0]*\([ \u00a0]*(${YEAR_GROUP}|${CLASS_CODE}|${AGE})[ \u00a0]*\)|,[ \u00a0]*(${YEAR_GROUP}|${AGE})(?![\p{L}\p{N}])`,
  'uy',
);
/** ", Y4 teacher", ", Year 6 team": the year group describes an adult's job, not a pupil. */
const STAFF_WORD_NEXT = /[ \u00a0]+(?:class\s+)?(?:teacher|teachers|team|lead|leader|ta|tutor|staff|colleague|phase|teaching|assistant|co-?ordinator|manager|mentor)\b/iy;
const NAME_WORD_AT = new RegExp(NAME_WORD, 'uy');
/** Further names after a plural pupil word: "pupils Ruby Finch, Noah Brennan and Amy Okafor". */
const LIST_JOIN_AT = /(?:,?[ \u00a0]+(?:and|&)[ \u00a0]+|,[ \u00a0]*)/uy;
const POSSESSIVE = /['’]s$/u;
const MAX_NAME_WORDS = 3;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Up to three name words, one space apart, from `at`; a possessive ("Finch's") ends the name. */
function readNameWords(text: string, at: number): Word[] {
  const words: Word[] = [];
  let position = at;
  while (words.length < MAX_NAME_WORDS) {
    if (words.length > 0) {
      const gap = text.charAt(position);
      if (gap !== ' ' && gap !== '\u00a0') break;
      position += 1;
    }
    NAME_WORD_AT.lastIndex = position;
    const match = NAME_WORD_AT.exec(text);
    if (!match) break;
    words.push({ text: match[0], start: position, end: position + match[0].length });
    position += match[0].length;
    if (POSSESSIVE.test(match[0])) break;
  }
  return words;
}

/** The words up to the first one that is not a name ("Premium", "Mrs", "Team"); null if fewer than two are left. */
function nameFrom(words: readonly Word[]): { start: number; end: number; words: string[] } | null {
  const kept: Word[] = [];
  for (const word of words) {
    if (isNotAName(word.text)) break;
    kept.push(word);
  }
  const first = kept[0];
  const last = kept.at(-1);
  if (kept.length < 2 || !first || !last) return null;
  // "Ruby Finch's book": the name is "Ruby Finch"; the possessive stays as written.
  const possessive = POSSESSIVE.exec(last.text);
  const end = possessive ? last.end - possessive[0].length : last.end;
  const names = kept.map((word) => word.text.replace(POSSESSIVE, ''));
  return { start: first.start, end, words: names };
}

/** "Ruby Finch" → "R. F."; "Amy Lee Okafor" → "A. L. O.". */
export function initialsOf(words: readonly string[]): string {
  return words.map((word) => `${Array.from(word)[0] ?? ''}.`).join(' ');
}

function nameFinding(text: string, name: { start: number; end: number; words: string[] }, reason: string): PupilDataFinding {
  return {
    kind: 'pupil-name',
    start: name.start,
    end: name.end,
    text: text.slice(name.start, name.end),
    reason,
    suggestion: initialsOf(name.words),
  };
}

const tidy = (written: string) => written.replace(/\s+/gu, ' ').trim();

function namesAfterPupilNouns(text: string): PupilDataFinding[] {
  const findings: PupilDataFinding[] = [];
  for (const match of text.matchAll(AFTER_PUPIL_NOUN)) {
    const noun = match[1] ?? '';
    const reason = `Looks like a pupil's full name after “${tidy(noun)}”`;
    const plural = /(?:s|ren)$/iu.test(noun);
    let at = (match.index ?? 0) + match[0].length;
    for (;;) {
      const name = nameFrom(readNameWords(text, at));
      if (!name) break;
      findings.push(nameFinding(text, name, reason));
      if (!plural) break;
      LIST_JOIN_AT.lastIndex = name.end;
      const join = LIST_JOIN_AT.exec(text);
      if (!join) break;
      at = name.end + join[0].length;
    }
  }
  return findings;
}

function namesAfterYearGroups(text: string): PupilDataFinding[] {
  const findings: PupilDataFinding[] = [];
  for (const match of text.matchAll(AFTER_YEAR_GROUP)) {
    const name = nameFrom(readNameWords(text, (match.index ?? 0) + match[0].length));
    if (name) findings.push(nameFinding(text, name, `Looks like a pupil's full name after “${tidy(match[1] ?? '')}”`));
  }
  return findings;
}

/** Nothing but spaces, an opening quote or bracket between the start of a sentence and `index`. */
function startsSentence(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && ' \u00a0"“‘('.includes(text.charAt(at))) at -= 1;
  return at < 0 || '.!?:;\n'.includes(text.charAt(at));
}

function namesBesideYearGroups(text: string): PupilDataFinding[] {
  const findings: PupilDataFinding[] = [];
  for (const run of text.matchAll(RUN_OF_NAME_WORDS)) {
    const runStart = run.index ?? 0;
    const runEnd = runStart + run[0].length;
    BESIDE_NAME.lastIndex = runEnd;
    const beside = BESIDE_NAME.exec(text);
    if (!beside) continue;
    STAFF_WORD_NEXT.lastIndex = runEnd + beside[0].length;
    if (beside[2] !== undefined && STAFF_WORD_NEXT.test(text)) continue;
    const words: Word[] = [];
    let offset = runStart;
    for (const written of run[0].split(/[ \u00a0]/u)) {
      words.push({ text: written, start: offset, end: offset + written.length });
      offset += written.length + 1;
    }
    // The last two words are the name; a third before them counts unless it starts the
    // sentence ("Met Ruby Finch (Y4)": "Met" is not part of the name) or is a school word.
    // After a title ("Mrs Zoë Finch (Y4)") the person is an adult.
    const third = words.at(-3);
    if (third && isTitle(third.text)) continue;
    const withThird = third && !isNotAName(third.text) && !startsSentence(text, third.start);
    const candidates = withThird ? words.slice(-3) : words.slice(-2);
    // A possessive inside ("Ruby's Noah Finch") ends a name: only the words after it count.
    const afterPossessive = candidates.findLastIndex((word, index) => index < candidates.length - 1 && POSSESSIVE.test(word.text));
    const taken = candidates.slice(afterPossessive + 1);
    if (taken.some((word) => isNotAName(word.text))) continue;
    const name = nameFrom(taken);
    const marker = beside[1] !== undefined ? `(${tidy(beside[1])})` : tidy(beside[2] ?? '');
    if (name) findings.push(nameFinding(text, name, `Looks like a pupil's full name next to “${marker}”`));
  }
  return findings;
}

/**
 * Two name findings that share words, as one: "Y4 Ruby Amy Lee Finch (Y4)" is found from both
 * ends, and initials for only one part would leave the rest a name.
 */
export function joinNameFindings(text: string, first: PupilDataFinding, second: PupilDataFinding): PupilDataFinding {
  const start = Math.min(first.start, second.start);
  const end = Math.max(first.end, second.end);
  const span = text.slice(start, end);
  return { ...first, start, end, text: span, suggestion: initialsOf(span.split(/[ \u00a0]+/u).map((word) => word.replace(POSSESSIVE, ''))) };
}

/** Every place a pupil's full name seems to be written; may overlap (see joinNameFindings). */
export function findPupilNames(text: string): PupilDataFinding[] {
  return [...namesAfterPupilNouns(text), ...namesAfterYearGroups(text), ...namesBesideYearGroups(text)];
}
