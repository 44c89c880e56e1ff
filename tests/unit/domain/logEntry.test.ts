import { describe, expect, it } from 'vitest';
import {
  entrySummary,
  hasWriting,
  logEntryInputSchema,
  MAX_TAG_CHARS,
  MAX_TAGS,
  parseTags,
} from '../../../src/domain/logEntry';

const occurredAt = '2026-05-14T09:30:00.000Z';
const EMPTY_MESSAGE = 'Write something first — an empty entry is not saved.';

function messages(input: unknown): string[] {
  const result = logEntryInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('logEntryInputSchema', () => {
  it('refuses an entry with an empty body and no responses, saying why', () => {
    const result = logEntryInputSchema.safeParse({ occurredAt, body: '', responses: {} });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ message: EMPTY_MESSAGE, path: ['body'] })]);
  });

  it('refuses a body of only spaces, tabs and newlines', () => {
    expect(messages({ occurredAt, body: '  \n\t  ' })).toEqual([EMPTY_MESSAGE]);
  });

  it('refuses responses that are all blank', () => {
    expect(messages({ occurredAt, body: '', template: 'what-so-what', responses: { what: ' ', soWhat: '\n' } })).toEqual([
      EMPTY_MESSAGE,
    ]);
  });

  it('accepts an entry written only in the template responses', () => {
    const parsed = logEntryInputSchema.parse({
      occurredAt,
      body: '',
      template: 'what-so-what',
      responses: { what: 'Learning walk in Year 2', soWhat: '' },
    });
    expect(parsed.responses.what).toBe('Learning walk in Year 2');
    expect(parsed.template).toBe('what-so-what');
  });

  it('fills in the defaults a minimal entry leaves out', () => {
    expect(logEntryInputSchema.parse({ occurredAt, body: 'Met the phonics lead.' })).toEqual({
      occurredAt,
      body: 'Met the phonics lead.',
      template: 'free',
      responses: {},
      tags: [],
      challengeId: null,
      trialId: null,
      measureId: null,
      visibility: 'private',
    });
  });

  it(`refuses more than ${MAX_TAGS} tags with a plain message`, () => {
    const tags = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag ${i}`);
    expect(messages({ occurredAt, body: 'x', tags })).toEqual([`At most ${MAX_TAGS} tags.`]);
    expect(logEntryInputSchema.safeParse({ occurredAt, body: 'x', tags: tags.slice(0, MAX_TAGS) }).success).toBe(true);
  });

  it('trims tags and refuses one that is too long', () => {
    expect(logEntryInputSchema.parse({ occurredAt, body: 'x', tags: ['  phonics  '] }).tags).toEqual(['phonics']);
    expect(messages({ occurredAt, body: 'x', tags: ['a'.repeat(MAX_TAG_CHARS + 1)] })).toEqual([
      `A tag can be at most ${MAX_TAG_CHARS} characters.`,
    ]);
  });

  it('refuses an unknown template and a visibility outside the four choices', () => {
    expect(logEntryInputSchema.safeParse({ occurredAt, body: 'x', template: 'diary' }).success).toBe(false);
    expect(logEntryInputSchema.safeParse({ occurredAt, body: 'x', visibility: 'public' }).success).toBe(false);
  });

  it('refuses an occurredAt that is not a date-time', () => {
    expect(messages({ occurredAt: 'last Tuesday', body: 'x' })).toEqual(['Enter a valid date and time.']);
  });

  it('refuses a body too long to save in one piece', () => {
    expect(messages({ occurredAt, body: 'a'.repeat(100_001) })).toEqual([
      'This entry is too long to save in one piece — split it in two.',
    ]);
  });
});

describe('parseTags', () => {
  it.each([
    ['phonics, KS1 #walks', ['phonics', 'KS1', 'walks']],
    ['#phonics #Phonics, PHONICS', ['phonics']],
    ['families\nevidence , , #', ['families', 'evidence']],
    ['', []],
    ['   ,  # ', []],
    ['parent workshops, lesson study', ['parent workshops', 'lesson study']],
  ])('%j → %j', (text, expected) => {
    expect(parseTags(text)).toEqual(expected);
  });
});

describe('hasWriting', () => {
  it.each([
    [{ body: 'x', responses: {} }, true],
    [{ body: '   ', responses: {} }, false],
    [{ body: '', responses: { what: '' } }, false],
    [{ body: '', responses: { what: '', soWhat: ' It matters ' } }, true],
  ])('%j → %s', (content, expected) => {
    expect(hasWriting(content)).toBe(expected);
  });
});

describe('entrySummary', () => {
  it('shows the body on one line, whitespace collapsed', () => {
    expect(entrySummary({ body: '  Walked  Year 2.\n\nPhonics better. ', responses: {} })).toBe(
      'Walked Year 2. Phonics better.',
    );
  });

  it('falls back to the first written response when the body is empty', () => {
    expect(entrySummary({ body: ' ', responses: { what: '', soWhat: 'Reading is up', nowWhat: 'Tell staff' } })).toBe(
      'Reading is up',
    );
  });

  it('is empty when nothing is written', () => {
    expect(entrySummary({ body: '', responses: {} })).toBe('');
  });

  it('cuts long writing to the limit, ending with an ellipsis', () => {
    const body = 'word '.repeat(100);
    const summary = entrySummary({ body, responses: {} }, 20);
    expect(summary).toHaveLength(20);
    expect(summary.endsWith('…')).toBe(true);
    expect(body.startsWith(summary.slice(0, -1))).toBe(true);
  });

  it('keeps writing exactly at the limit whole', () => {
    const body = 'a'.repeat(140);
    expect(entrySummary({ body, responses: {} })).toBe(body);
  });
});
