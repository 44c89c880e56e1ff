import { z } from 'zod';
import { MEMBER_ROLES } from './membership';

/**
 * Bodies of the cohort HTTP API (invitations and the coordinator's overview), shared by the
 * server, which validates every request with them, and the app. Sets, calendar events and
 * memberships themselves are records and travel through sync.
 */
export const MAX_INVITATION_DAYS = 60;

export const createInvitationBodySchema = z
  .object({
    cohortId: z.string().min(1).max(64),
    role: z.enum(MEMBER_ROLES, { error: 'Choose participant, facilitator or coach.' }),
    setId: z.string().min(1).max(64).nullable().default(null),
    coacheeId: z.string().min(1).max(64).nullable().default(null),
    displayName: z.string().trim().min(1, { error: 'Enter the name of the person you are inviting.' }).max(100),
    email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter an email address like sam@oakfield.sch.uk.' }).max(254)),
    expiresInDays: z.number().int().min(1).max(MAX_INVITATION_DAYS, { error: `An invitation can last at most ${MAX_INVITATION_DAYS} days.` }).default(14),
  })
  .refine((body) => body.role === 'coach' || body.setId !== null, { error: 'Choose the set they will join.', path: ['setId'] })
  .refine((body) => body.role !== 'coach' || body.coacheeId !== null, { error: 'Choose the participant they will coach.', path: ['coacheeId'] });
export type CreateInvitationBody = z.input<typeof createInvitationBodySchema>;

export const INVITATION_STATES = ['pending', 'used', 'expired', 'cancelled'] as const;

export const invitationSummarySchema = z.object({
  id: z.string(),
  cohortId: z.string(),
  role: z.enum(MEMBER_ROLES),
  setId: z.string().nullable(),
  coacheeId: z.string().nullable(),
  displayName: z.string(),
  email: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(INVITATION_STATES),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;

/** The code is shown once, to the coordinator who made it; the server keeps only its hash. */
export const createdInvitationSchema = z.object({
  invitation: invitationSummarySchema,
  code: z.string(),
  /** Path of the join page, e.g. "/join/K7QM-2XWP-9TRD-HC4B". */
  path: z.string(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

/** What an invitee sees before accepting. */
export const invitationPreviewSchema = z.object({
  cohortName: z.string(),
  setName: z.string().nullable(),
  coacheeName: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  displayName: z.string(),
  email: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationBodySchema = z.object({
  code: z.string().min(1, { error: 'Enter your invitation code.' }).max(64),
  /** The role the invitee saw and is accepting; a code for another role is refused. */
  role: z.enum(MEMBER_ROLES),
  /** For a new account (not needed when already signed in). */
  displayName: z.string().trim().min(1, { error: 'Enter your name.' }).max(100).optional(),
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter an email address like sam@oakfield.sch.uk.' }).max(254)).optional(),
  password: z.string().max(1024).optional(),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBodySchema>;

/** Machine-readable reasons an invitation is refused (the `code` of the JSON error). */
export const INVITATION_ERRORS = {
  unknown: 'invitation-unknown',
  used: 'invitation-used',
  expired: 'invitation-expired',
  cancelled: 'invitation-cancelled',
  wrongRole: 'invitation-wrong-role',
  emailTaken: 'invitation-email-taken',
} as const;

export const setOverviewSchema = z.object({
  setId: z.string(),
  name: z.string(),
  participants: z.number().int(),
  meetingsHeld: z.number().int(),
  /** Present marks ÷ all marks at meetings held; null before any meeting is marked. */
  attendanceRate: z.number().min(0).max(1).nullable(),
  activeLast30Days: z.number().int(),
});

export const participantOverviewSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  setId: z.string().nullable(),
  status: z.enum(['active', 'withdrawn']),
  /** How many log entries they have written; never what they say. */
  entries: z.number().int(),
  activeLast30Days: z.boolean(),
});

export const cohortOverviewSchema = z.object({
  cohortId: z.string(),
  generatedAt: z.string(),
  sets: z.array(setOverviewSchema),
  participants: z.array(participantOverviewSchema),
});
export type CohortOverview = z.infer<typeof cohortOverviewSchema>;
