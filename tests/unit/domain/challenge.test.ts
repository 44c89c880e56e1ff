import { describe, expect, it } from 'vitest';
import { challengeContentSchema, changedChallengeFields } from '../../../src/domain/challenge';
import { THEME_IDS } from '../../../src/domain/programme';

const valid = { focus: 'Improving the quality of teaching', issue: 'Phonics results dipped in Year 1.' };

function messagesAt(input: unknown): Record<string, string[]> {
  const result = challengeContentSchema.safeParse(input);
  const out: Record<string, string[]> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('challengeContentSchema', () => {
  it('accepts a focus and an issue, filling the rest with empty defaults', () => {
    expect(challengeContentSchema.parse(valid)).toEqual({
      ...valid,
      desiredOutcomes: '',
      baseline: '',
      successCriteria: [],
      themes: [],
      visibility: 'private',
    });
  });

  it('asks for a focus and an issue when they are blank', () => {
    expect(messagesAt({ focus: '   ', issue: '' })).toEqual({
      focus: ['Choose a focus or write your own.'],
      issue: ['Say in your own words what worries you.'],
    });
  });

  it('asks for a focus and an issue in the same words when they are left out entirely', () => {
    expect(messagesAt({})).toEqual({
      focus: ['Choose a focus or write your own.'],
      issue: ['Say in your own words what worries you.'],
    });
  });

  it('refuses a focus over 200 characters', () => {
    expect(messagesAt({ ...valid, focus: 'x'.repeat(201) })).toEqual({
      focus: ['Keep the focus short — under 200 characters.'],
    });
  });

  it('accepts each of the six programme themes', () => {
    expect(THEME_IDS).toHaveLength(6);
    expect(challengeContentSchema.parse({ ...valid, themes: [...THEME_IDS] }).themes).toEqual(THEME_IDS);
  });

  it('refuses a theme that is not one of the six', () => {
    const result = challengeContentSchema.safeParse({ ...valid, themes: ['evidence', 'wellbeing'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['themes', 1]);
  });

  it('trims success criteria and refuses a blank one', () => {
    expect(challengeContentSchema.parse({ ...valid, successCriteria: ['  80% pass the check  '] }).successCriteria).toEqual([
      '80% pass the check',
    ]);
    expect(challengeContentSchema.safeParse({ ...valid, successCriteria: ['  '] }).success).toBe(false);
  });

  it('refuses more than 20 success criteria', () => {
    const successCriteria = Array.from({ length: 21 }, (_, i) => `criterion ${i}`);
    expect(messagesAt({ ...valid, successCriteria })).toEqual({ successCriteria: ['At most 20 success criteria.'] });
  });
});

describe('changedChallengeFields', () => {
  it('lists exactly the fields that differ between two versions', () => {
    const before = challengeContentSchema.parse(valid);
    const after = challengeContentSchema.parse({ ...valid, issue: 'The head left.', themes: ['evidence'] });
    expect(changedChallengeFields(before, after).sort()).toEqual(['issue', 'themes']);
    expect(changedChallengeFields(before, before)).toEqual([]);
  });
});
