import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { syncedRecordSchema } from '../syncedRecord';

/** The roles a person takes in a cohort; coordinators are listed on the cohort itself. */
export const MEMBER_ROLES = ['participant', 'facilitator', 'coach'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_WORDS: Record<MemberRole, string> = {
  participant: 'participant',
  facilitator: 'facilitator',
  coach: 'coach',
};

export const MEMBERSHIP_STATUSES = ['active', 'withdrawn'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * One person's place in a cohort: a participant or facilitator of a set, or the coach of one
 * participant. Written by the server when an invitation is accepted, then by coordinators
 * (moving someone between sets, marking a withdrawal). A person with several roles has
 * several memberships. Access to everything shared follows the active memberships.
 */
export const membershipContentSchema = z
  .object({
    cohortId: z.string().min(1),
    userId: z.string().min(1),
    /** The name the person gave; shown to their set. */
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(MEMBER_ROLES),
    /** Participants and facilitators belong to a set; coaches do not. */
    setId: z.string().min(1).nullable().default(null),
    /** For a coach: the one participant they coach. */
    coacheeId: z.string().min(1).nullable().default(null),
    status: z.enum(MEMBERSHIP_STATUSES).default('active'),
    withdrawnOn: isoDateSchema.nullable().default(null),
  })
  .refine((m) => m.role === 'coach' || m.setId !== null, { error: 'Participants and facilitators belong to a set.', path: ['setId'] })
  .refine((m) => m.role !== 'coach' || m.coacheeId !== null, { error: 'A coach coaches one participant.', path: ['coacheeId'] });
export type MembershipContent = z.infer<typeof membershipContentSchema>;

export const membershipSchema = syncedRecordSchema.extend(membershipContentSchema.shape);
export type Membership = z.infer<typeof membershipSchema>;

export function isActiveMembership(membership: Pick<Membership, 'status' | 'deletedAt'>): boolean {
  return membership.status === 'active' && membership.deletedAt == null;
}
