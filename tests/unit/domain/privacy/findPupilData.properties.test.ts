import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySuggestion, findPupilData, type PupilDataFinding } from '../../../../src/domain/privacy/findPupilData';

const seed = Number(process.env.FC_SEED ?? 20260514);
console.log('fast-check seed', seed);

/**
 * Entries built from the pieces the guard reacts to — pupil words, year groups, names, titles,
 * school words, dates, numbers — joined by spaces and punctuation, plus free text, so that most
 * generated entries hold several findings next to each other and next to near misses.
 */
const pupilWordArb = fc.constantFrom('pupil', 'Pupil', 'pupils', 'child', 'Child:', 'student', 'girl called', 'learner', 'children', "pupil's name is");
const yearGroupArb = fc.constantFrom('Y4', 'Year 4', 'yr 6', 'Head of Year 5');
const besideArb = fc.constantFrom(' (Y4)', ' (5B)', ', aged 8', ', Y3', ', Y3 teacher', ' (10am)');
const nameWordArb = fc.constantFrom('Ruby', 'Finch', 'Noah', 'Brennan', "O'Neill", 'Smith-Okafor', 'Zoë', 'McAllister', "Finch's", 'Amy', 'Lee');
const schoolWordArb = fc.constantFrom('Mrs', 'Dr', 'Premium', 'Council', 'Protection', 'Team', 'Meeting', 'SATs', 'Forest', 'School');
const namesArb = fc.array(fc.oneof({ weight: 4, arbitrary: nameWordArb }, { weight: 1, arbitrary: schoolWordArb }), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
const listJoinArb = fc.constantFrom(', ', ' and ', ' & ');
const dateArb = fc.constantFrom('03/04/2016', '3 April 2016', '2016-04-03', 'the 3rd of April 2016');
const numberArb = fc.constantFrom('A123456789012', 'B123456789012', 'M80120000500A', '1234567890');

const pieceArb = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(pupilWordArb, yearGroupArb), fc.constantFrom(' ', ': ', ' (', ', '), namesArb).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.tuple(pupilWordArb, namesArb, listJoinArb, namesArb).map(([word, first, join, second]) => `${word} ${first}${join}${second}`) },
  { weight: 4, arbitrary: fc.tuple(namesArb, besideArb).map((parts) => parts.join('')) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('DOB', 'd.o.b.', 'born on', 'Date of birth:', 'UPN', 'ULN'), fc.constantFrom(' ', ': '), fc.oneof(dateArb, numberArb)).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.oneof(pupilWordArb, yearGroupArb, besideArb, namesArb, dateArb, numberArb) },
  { weight: 2, arbitrary: fc.constantFrom('and', 'the', 'met', 'R. F.', '[date removed]', 'Met', 'with') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const joinArb = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', ': ', '');
const entryArb = fc
  .array(fc.tuple(pieceArb, joinArb), { maxLength: 10 })
  .map((parts) => parts.map(([piece, join]) => piece + join).join(''));

/** Every suggestion applied, last first, so the earlier spans keep their places. */
function applyAll(text: string, findings: readonly PupilDataFinding[]): string {
  return [...findings].sort((a, b) => b.start - a.start).reduce(applySuggestion, text);
}

describe('findPupilData properties', () => {
  it('finds spans in text order that hold what they say and do not overlap', () => {
    fc.assert(
      fc.property(entryArb, (text) => {
        let previousEnd = 0;
        for (const finding of findPupilData(text)) {
          expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(text.slice(finding.start, finding.end)).toBe(finding.text);
          previousEnd = finding.end;
        }
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('applySuggestion changes only the flagged span', () => {
    fc.assert(
      fc.property(entryArb, (text) => {
        for (const finding of findPupilData(text)) {
          const changed = applySuggestion(text, finding);
          expect(changed.slice(0, finding.start)).toBe(text.slice(0, finding.start));
          expect(changed.slice(finding.start, finding.start + finding.suggestion.length)).toBe(finding.suggestion);
          expect(changed.slice(finding.start + finding.suggestion.length)).toBe(text.slice(finding.end));
        }
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('leaves nothing to flag once every suggestion is applied', () => {
    fc.assert(
      fc.property(entryArb, (text) => {
        expect(findPupilData(applyAll(text, findPupilData(text)))).toEqual([]);
      }),
      { seed, numRuns: 2000 },
    );
  });
});
