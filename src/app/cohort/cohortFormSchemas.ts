import { z } from 'zod';
import { calendarEventContentSchema, CALENDAR_EVENT_KINDS, type CalendarEvent } from '../../domain/sets/calendarEvent';
import { cohortContentSchema } from '../../domain/sets/cohort';
import { createInvitationBodySchema, MAX_INVITATION_DAYS } from '../../domain/sets/cohortApi';
import { learningSetContentSchema } from '../../domain/sets/learningSet';
import { MEMBER_ROLES } from '../../domain/sets/membership';
import type { CalendarEventDetails, CohortDetails } from '../db/repositories/cohortRepository';
import { collectIssues } from '../ui/formIssues';

/**
 * The coordinator's forms as typed (strings; '' for "none"). Each checks its own wording for
 * empty fields first, then the domain schema has the last word, so every rule the server
 * applies is pointed out here at once, even offline.
 */

export const cohortFormSchema = z
  .object({ name: z.string(), startsOn: z.string(), endsOn: z.string() })
  .transform((values, ctx): CohortDetails => {
    const issues = collectIssues(ctx);
    if (values.startsOn === '') issues.add(['startsOn'], 'Enter the date the cohort starts.');
    if (values.endsOn === '') issues.add(['endsOn'], 'Enter the date the cohort ends.');
    // The coordinator is added by the repository; a stand-in lets the domain check the rest.
    const result = cohortContentSchema.safeParse({ ...values, coordinatorIds: ['me'] });
    if (!result.success) issues.addAll(result.error.issues);
    if (!result.success || issues.count > 0) return z.NEVER;
    return { name: result.data.name, startsOn: result.data.startsOn, endsOn: result.data.endsOn };
  });
export type CohortFormValues = z.input<typeof cohortFormSchema>;

export const setNameFormSchema = z.object({ name: learningSetContentSchema.shape.name });
export type SetNameFormValues = z.input<typeof setNameFormSchema>;
export type SetNameFormOutput = z.output<typeof setNameFormSchema>;

export const eventFormSchema = z
  .object({
    kind: z.enum(CALENDAR_EVENT_KINDS),
    title: z.string(),
    setId: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    startTime: z.string(),
    place: z.string(),
  })
  .transform((values, ctx): CalendarEventDetails => {
    const issues = collectIssues(ctx);
    if (values.startsOn === '') issues.add(['startsOn'], 'Enter the day it happens.');
    const result = calendarEventContentSchema.safeParse({
      ...values,
      cohortId: 'this cohort',
      setId: values.kind === 'set_meeting' ? values.setId || null : null,
      endsOn: values.endsOn || null,
    });
    if (!result.success) issues.addAll(result.error.issues);
    if (!result.success || issues.count > 0) return z.NEVER;
    const { cohortId: _cohortId, ...details } = result.data;
    return details;
  });
export type EventFormValues = z.input<typeof eventFormSchema>;

export function eventFormValues(event: CalendarEvent | null): EventFormValues {
  return {
    kind: event?.kind ?? 'workshop',
    title: event?.title ?? '',
    setId: event?.setId ?? '',
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    startTime: event?.startTime ?? '',
    place: event?.place ?? '',
  };
}

export const DEFAULT_INVITATION_DAYS = 14;

/** The invitation form; its output is the body POST /api/invitations expects. */
export function invitationFormSchema(cohortId: string) {
  return z
    .object({
      displayName: z.string(),
      email: z.string(),
      role: z.enum(MEMBER_ROLES),
      setId: z.string(),
      coacheeId: z.string(),
      expiresInDays: z.string(),
    })
    .transform((values, ctx) => {
      const issues = collectIssues(ctx);
      const days = Number(values.expiresInDays);
      if (values.expiresInDays.trim() === '' || !Number.isInteger(days) || days < 1 || days > MAX_INVITATION_DAYS) {
        issues.add(['expiresInDays'], `Enter a whole number of days from 1 to ${MAX_INVITATION_DAYS}.`);
      }
      if (values.email.trim() === '') issues.add(['email'], 'Enter the email address of the person you are inviting.');
      const coach = values.role === 'coach';
      const result = createInvitationBodySchema.safeParse({
        cohortId,
        role: values.role,
        displayName: values.displayName,
        email: values.email,
        setId: coach ? null : values.setId || null,
        coacheeId: coach ? values.coacheeId || null : null,
        expiresInDays: Number.isInteger(days) ? days : DEFAULT_INVITATION_DAYS,
      });
      if (!result.success) issues.addAll(result.error.issues);
      if (!result.success || issues.count > 0) return z.NEVER;
      return result.data;
    });
}
export type InvitationFormValues = z.input<ReturnType<typeof invitationFormSchema>>;
export type InvitationFormOutput = z.output<ReturnType<typeof invitationFormSchema>>;

export const withdrawFormSchema = z.object({
  withdrawnOn: z.iso.date({ error: 'Enter the date they withdrew.' }),
});
export type WithdrawFormValues = z.input<typeof withdrawFormSchema>;

export const moveFormSchema = z.object({ setId: z.string().min(1, 'Choose the set they move to.') });
export type MoveFormValues = z.input<typeof moveFormSchema>;
