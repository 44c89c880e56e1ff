import { z } from 'zod';
import { CHALLENGE_FOCI, THEME_IDS, type ThemeId } from '../../domain/programme';
import { challengeContentSchema, type ChallengeContent } from '../../domain/challenge';
import { collectIssues } from '../ui/formIssues';

/** The focus radio's value when the person writes their own focus. */
export const OTHER_FOCUS = 'other';
export const CHALLENGE_DRAFT_KEY = 'challenge-form';

function isThemeId(value: string): value is ThemeId {
  return (THEME_IDS as readonly string[]).includes(value);
}

/**
 * What the form holds: strings exactly as typed, so nothing the person wrote is lost when a
 * check fails. The transform builds the challenge's content and checks it with the domain's
 * own schema (challengeContentSchema), moving each message next to the control it is about.
 */
export const challengeFormSchema = z
  .object({
    focusChoice: z.string(),
    focusOther: z.string(),
    issue: z.string(),
    desiredOutcomes: z.string(),
    baseline: z.string(),
    successCriteria: z.array(z.object({ text: z.string() })),
    themes: z.array(z.enum(THEME_IDS)),
    reason: z.string(),
  })
  .transform((values, ctx) => {
    const issues = collectIssues(ctx);
    const writingOwn = values.focusChoice === OTHER_FOCUS;
    const criteria = values.successCriteria
      .map((criterion, index) => ({ text: criterion.text.trim(), index }))
      .filter((criterion) => criterion.text !== '');
    for (const criterion of criteria) {
      if (criterion.text.length > 500) {
        issues.add(['successCriteria', criterion.index, 'text'], 'Keep each criterion under 500 characters.');
      }
    }
    if (values.reason.trim().length > 2000) issues.add(['reason'], 'Keep the reason under 2,000 characters.');

    const result = challengeContentSchema.safeParse({
      focus: writingOwn ? values.focusOther : values.focusChoice,
      issue: values.issue,
      desiredOutcomes: values.desiredOutcomes,
      baseline: values.baseline,
      successCriteria: criteria.map((criterion) => criterion.text),
      themes: values.themes,
    });
    if (!result.success) {
      issues.addAll(result.error.issues, (path) => {
        if (path[0] === 'focus') return [writingOwn ? 'focusOther' : 'focusChoice'];
        if (path[0] === 'successCriteria' && typeof path[1] === 'number') {
          return ['successCriteria', criteria[path[1]]?.index ?? 0, 'text'];
        }
        return path;
      });
    }
    if (!result.success || issues.count > 0) return z.NEVER;
    return { content: result.data, reason: values.reason.trim() };
  });

export type ChallengeFormValues = z.input<typeof challengeFormSchema>;
export type ChallengeFormOutput = z.output<typeof challengeFormSchema>;

/** The form's values for a saved challenge, or an empty form. */
export function formValuesFromChallenge(content: ChallengeContent | null): ChallengeFormValues {
  const focus = content?.focus ?? '';
  const known = (CHALLENGE_FOCI as readonly string[]).includes(focus);
  const criteria = content?.successCriteria ?? [];
  return {
    focusChoice: focus === '' ? '' : known ? focus : OTHER_FOCUS,
    focusOther: known ? '' : focus,
    issue: content?.issue ?? '',
    desiredOutcomes: content?.desiredOutcomes ?? '',
    baseline: content?.baseline ?? '',
    successCriteria: (criteria.length > 0 ? criteria : ['']).map((text) => ({ text })),
    themes: content?.themes ?? [],
    reason: '',
  };
}

const text = z.string().catch('').default('');

/**
 * Reads an autosaved draft back. Every field has a default and falls back on anything
 * unreadable, so a draft written by an older version of the app still opens.
 */
export const challengeDraftSchema = z.object({
  focusChoice: text,
  focusOther: text,
  issue: text,
  desiredOutcomes: text,
  baseline: text,
  successCriteria: z
    .array(z.object({ text }).catch({ text: '' }))
    .catch([])
    .default([])
    .transform((lines) => (lines.length > 0 ? lines : [{ text: '' }])),
  themes: z
    .array(z.string())
    .catch([])
    .default([])
    .transform((themes) => themes.filter(isThemeId)),
  reason: text,
});

export function parseChallengeDraft(value: unknown): ChallengeFormValues | null {
  if (value === undefined || value === null) return null;
  const result = challengeDraftSchema.safeParse(value);
  return result.success ? result.data : null;
}
