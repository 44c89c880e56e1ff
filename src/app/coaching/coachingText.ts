import { z } from 'zod';
import { formatUkDate, isoDateSchema } from '../../domain/dates';
import type { CoachingSession } from '../../domain/sets/coachingSession';

/** What coaching sessions in the programmes were often about; a tap fills the focus. */
export const FOCUS_SUGGESTIONS = [
  'Outcomes of the diagnostic',
  'Rehearsing a difficult conversation',
  'Reviewing my challenge',
  'Planning the next trial',
  'Making sense of the evidence',
  'Preparing my impact poster',
] as const;

const TOO_LONG = 'This is too long — keep it under 20,000 characters.';

/** A session's form values; also the shape of the autosaved new-session draft. */
export const sessionFormSchema = z.object({
  heldOn: isoDateSchema.catch(''),
  focus: z.string().catch(''),
  notes: z.string().catch(''),
  nextSteps: z.string().catch(''),
});
export type SessionFormValues = z.infer<typeof sessionFormSchema>;

/** The checks a session must pass before it is written; the form shows them inline. */
const sessionCheckSchema = z.object({
  heldOn: z.string().refine((date) => isoDateSchema.safeParse(date).success, { error: 'Enter the date of the session.' }),
  focus: z.string().max(300, { error: 'Keep the focus short — under 300 characters.' }),
  notes: z.string().max(20_000, { error: TOO_LONG }),
  nextSteps: z.string().max(20_000, { error: TOO_LONG }),
});

export type SessionProblems = Partial<Record<keyof SessionFormValues, string>>;

export function checkSession(values: SessionFormValues): SessionProblems {
  const result = sessionCheckSchema.safeParse(values);
  if (result.success) return {};
  const problems: SessionProblems = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof SessionFormValues;
    problems[field] ??= issue.message;
  }
  return problems;
}

export function fromSession(session: CoachingSession): SessionFormValues {
  return { heldOn: session.heldOn, focus: session.focus, notes: session.notes, nextSteps: session.nextSteps };
}

/** "14 May 2026 — Outcomes of the diagnostic". */
export function sessionTitle(session: Pick<CoachingSession, 'heldOn' | 'focus'>): string {
  const focus = session.focus.trim();
  return focus ? `${formatUkDate(session.heldOn)} — ${focus}` : formatUkDate(session.heldOn);
}

/** The autosaved draft of a new session for one coachee. */
export function newSessionDraftKey(participantId: string): string {
  return `coaching-new-session:${participantId}`;
}
