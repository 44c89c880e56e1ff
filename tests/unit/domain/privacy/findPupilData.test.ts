import { describe, expect, it } from 'vitest';
import { applySuggestion, findPupilData, type PupilDataKind } from '../../../../src/domain/privacy/findPupilData';
import { isValidUpn, upnCheckLetter } from '../../../../src/domain/privacy/uniquePupilNumber';

type Expected = { kind: PupilDataKind; text: string; suggestion: string };
const name = (text: string, suggestion: string): Expected => ({ kind: 'pupil-name', text, suggestion });
const dateOfBirth = (text: string): Expected => ({ kind: 'date-of-birth', text, suggestion: '[date removed]' });
const upn = (text: string): Expected => ({ kind: 'upn', text, suggestion: '[UPN removed]' });
const uln = (text: string): Expected => ({ kind: 'uln', text, suggestion: '[ULN removed]' });

const flagged: { name: string; text: string; found: Expected[] }[] = [
  { name: 'a full name after pupil', text: 'Spoke to pupil Jamie Rowe', found: [name('Jamie Rowe', 'J. R.')] },
  { name: 'a full name after child at the start of a sentence', text: 'Child Ruby Finch was upset at lunch.', found: [name('Ruby Finch', 'R. F.')] },
  { name: 'a full name after student', text: 'Student Noah Brennan presented to governors.', found: [name('Noah Brennan', 'N. B.')] },
  { name: 'a girl called someone', text: 'A girl called Amy Okafor asked about it.', found: [name('Amy Okafor', 'A. O.')] },
  { name: 'a boy named someone', text: 'the boy named Leo Kowalski', found: [name('Leo Kowalski', 'L. K.')] },
  { name: 'a full name after learner', text: 'Our learner Tariq Hussain chaired it', found: [name('Tariq Hussain', 'T. H.')] },
  { name: 'three names after pupil', text: 'pupil Amy Lee Okafor', found: [name('Amy Lee Okafor', 'A. L. O.')] },
  { name: 'a full name after Y4', text: 'Y4 Ruby Finch read aloud', found: [name('Ruby Finch', 'R. F.')] },
  { name: 'a full name after Year 4', text: 'In Year 4 Noah Brennan led the warm-up', found: [name('Noah Brennan', 'N. B.')] },
  { name: 'a full name after yr 6', text: 'yr 6 Leo Kowalski', found: [name('Leo Kowalski', 'L. K.')] },
  { name: 'a full name after a reception child', text: 'reception child Oscar Reyes settled well', found: [name('Oscar Reyes', 'O. R.')] },
  { name: 'the colon form', text: 'Pupil: Ruby Finch', found: [name('Ruby Finch', 'R. F.')] },
  { name: 'the pupil’s name is', text: "The pupil's name is Noah Brennan.", found: [name('Noah Brennan', 'N. B.')] },
  { name: 'a name in brackets after pupil', text: 'A pupil (Freya Dunn) asked', found: [name('Freya Dunn', 'F. D.')] },
  { name: 'a possessive name keeps its ’s', text: "pupil Ruby Finch's reading book", found: [name('Ruby Finch', 'R. F.')] },
  { name: 'an apostrophe and a hyphen in the surname', text: "pupil Maya O'Neill-Smith", found: [name("Maya O'Neill-Smith", 'M. O.')] },
  { name: 'letters with accents', text: 'pupil Zoë Kowalski', found: [name('Zoë Kowalski', 'Z. K.')] },
  { name: 'a list after pupils', text: 'pupils Ruby Finch, Noah Brennan and Amy Okafor', found: [name('Ruby Finch', 'R. F.'), name('Noah Brennan', 'N. B.'), name('Amy Okafor', 'A. O.')] },
  { name: 'a name next to (Y4), without the verb before it', text: 'Met Ruby Finch (Y4) at break', found: [name('Ruby Finch', 'R. F.')] },
  { name: 'a name next to a class code', text: 'Noah Brennan (5B) was absent', found: [name('Noah Brennan', 'N. B.')] },
  { name: 'a three-word name next to (Year 6)', text: 'with Amy Lee Okafor (Year 6)', found: [name('Amy Lee Okafor', 'A. L. O.')] },
  { name: 'a long name found from both ends becomes one', text: 'Y4 Ruby Amy Lee Finch (Y4)', found: [name('Ruby Amy Lee Finch', 'R. A. L. F.')] },
  { name: 'a name next to an age', text: 'Leo Kowalski, aged 7, joined the group', found: [name('Leo Kowalski', 'L. K.')] },
  { name: 'DOB and a numeric date', text: 'DOB 03/04/2016', found: [dateOfBirth('03/04/2016')] },
  { name: 'd.o.b. and a short date', text: 'd.o.b. 3.4.16', found: [dateOfBirth('3.4.16')] },
  { name: 'born and a date in words', text: 'She was born 3 April 2016.', found: [dateOfBirth('3 April 2016')] },
  { name: 'date of birth and an ISO date', text: 'Date of birth: 2016-04-03', found: [dateOfBirth('2016-04-03')] },
  { name: 'born on and an ordinal date', text: 'born on the 3rd of April 2016', found: [dateOfBirth('3rd of April 2016')] },
  { name: 'born on and a month-first date', text: 'born on April 3rd, 2016', found: [dateOfBirth('April 3rd, 2016')] },
  { name: 'a UPN with the right check letter', text: 'Record A123456789012 updated', found: [upn('A123456789012')] },
  { name: 'a temporary UPN with the right check letter', text: 'temp M80120000500A', found: [upn('M80120000500A')] },
  { name: 'a UPN after UPN even with a wrong check letter', text: 'UPN: B123456789012', found: [upn('B123456789012')] },
  { name: 'a ULN after ULN', text: 'ULN 1234567890', found: [uln('1234567890')] },
  {
    name: 'several kinds in one entry, in text order',
    text: 'Y4 Ruby Finch (DOB 03/04/2016, UPN A123456789012) and pupil Noah Brennan',
    found: [name('Ruby Finch', 'R. F.'), dateOfBirth('03/04/2016'), upn('A123456789012'), name('Noah Brennan', 'N. B.')],
  },
];

const notFlagged: { name: string; text: string }[] = [
  { name: 'Pupil Premium', text: 'Pupil Premium spending review' },
  { name: 'Pupil Premium Grant', text: 'The Pupil Premium Grant funds the tutoring.' },
  { name: 'Student Council', text: 'Student Council Elections next week' },
  { name: 'Child Protection', text: 'Child Protection Conference on Friday' },
  { name: 'Pupil Progress Meeting', text: 'Pupil Progress Meeting with SLT' },
  { name: 'Year 4 team in lower case', text: 'Year 4 team meeting after school' },
  { name: 'Year 4 Team Meeting in capitals', text: 'Year 4 Team Meeting' },
  { name: 'a staff title after a year group', text: 'Year 4 Mrs Okafor led the assembly' },
  { name: 'a staff title next to (Y4)', text: 'Mrs Okafor (Y4) shared her planning' },
  { name: 'a title before a full name next to (Y4)', text: 'Mrs Zoë Finch (Y4) shared her planning' },
  { name: 'a teacher after Year 4 teacher', text: 'Year 4 teacher Sam Okafor tried it' },
  { name: 'a teacher named with a Y4 job', text: 'Sam Okafor, Y4 teacher, led it' },
  { name: 'Head of Year', text: 'Head of Year 4 Sam Okafor joined us' },
  { name: 'a student teacher', text: 'Student Teacher Sam Okafor observed' },
  { name: 'a full name with no pupil word', text: 'Ruby Finch came to see me about the rota.' },
  { name: 'a first name only', text: 'pupil Ruby said it helped' },
  { name: 'anonymised pupils', text: 'Child A and Pupil B moved groups' },
  { name: 'initials already', text: 'Spoke to pupil J. R. again' },
  { name: 'SATs after a year group', text: 'Y6 SATs Results are in' },
  { name: 'a place after a year group', text: 'Year 5 Forest School trip' },
  { name: 'a topic after a year group', text: 'Year 3 Stone Age Day' },
  { name: 'a subject after a year group', text: 'Year 2 Phonics Screening Check' },
  { name: 'pupils from a named school', text: 'pupils from Oakfield Primary' },
  { name: 'childcare is not child', text: 'Childcare Voucher Scheme' },
  { name: 'a meeting date', text: 'Meeting on 03/04/2026 about attendance' },
  { name: 'a date without birth words', text: 'Since 3 April 2016 the school has grown' },
  { name: 'letter and 12 digits with a wrong check letter', text: 'Order B123456789012 arrived' },
  { name: 'ten digits without ULN', text: 'Call 0123456789 about the coach' },
  { name: 'a time in brackets is not a class', text: 'Met Sam Okafor (10am) about marking' },
];

describe('findPupilData: what it flags', () => {
  it.each(flagged)('$name', ({ text, found }) => {
    const findings = findPupilData(text);
    expect(findings.map(({ kind, text: span, suggestion }) => ({ kind, text: span, suggestion }))).toEqual(found);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });
});

describe('findPupilData: what it leaves alone', () => {
  it.each(notFlagged)('$name', ({ text }) => {
    expect(findPupilData(text)).toEqual([]);
  });
});

describe('reasons in plain words', () => {
  it('says which word made it look like a pupil', () => {
    expect(findPupilData('Spoke to pupil Jamie Rowe')[0]?.reason).toBe("Looks like a pupil's full name after “pupil”");
    expect(findPupilData('Y4 Ruby Finch')[0]?.reason).toBe("Looks like a pupil's full name after “Y4”");
    expect(findPupilData('Met Ruby Finch (Y4)')[0]?.reason).toBe("Looks like a pupil's full name next to “(Y4)”");
    expect(findPupilData('DOB 03/04/2016')[0]?.reason).toBe('Looks like a date of birth after “DOB”');
    expect(findPupilData('A123456789012')[0]?.reason).toBe('Looks like a Unique Pupil Number (a letter and 12 digits)');
    expect(findPupilData('ULN 1234567890')[0]?.reason).toBe('Looks like a Unique Learner Number after “ULN”');
  });
});

describe('applySuggestion', () => {
  it('replaces just the flagged span', () => {
    const text = 'Spoke to pupil Jamie Rowe after lunch';
    const [finding] = findPupilData(text);
    expect(applySuggestion(text, finding!)).toBe('Spoke to pupil J. R. after lunch');
  });

  it('keeps a possessive as written', () => {
    const text = "pupil Ruby Finch's reading book";
    expect(applySuggestion(text, findPupilData(text)[0]!)).toBe("pupil R. F.'s reading book");
  });

  it('leaves the text alone when the span has changed since the check', () => {
    const [finding] = findPupilData('pupil Jamie Rowe');
    expect(applySuggestion('pupil Jamie Roweena', { ...finding!, end: finding!.end + 3, text: 'Jamie Rowe' })).toBe('pupil Jamie Roweena');
    expect(applySuggestion('the pupil Jamie Rowe', finding!)).toBe('the pupil Jamie Rowe');
  });
});

describe('the UPN check letter', () => {
  it('agrees with known UPNs', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('A801200005001')).toBe(false);
    expect(isValidUpn('A123456789012')).toBe(true);
    expect(isValidUpn('M80120000500A')).toBe(true);
  });

  it('refuses what is not shaped like a UPN', () => {
    expect(upnCheckLetter('80120000500')).toBeNull();
    expect(upnCheckLetter('8012000050AA')).toBeNull();
    expect(isValidUpn('B80120000500I')).toBe(false);
  });
});
