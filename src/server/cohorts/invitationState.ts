import type { InvitationSummary } from '../../domain/sets/cohortApi';
import type { Invitation } from '../storage/Store';

export function invitationState(invitation: Invitation, now: Date): InvitationSummary['state'] {
  if (invitation.usedAt) return 'used';
  if (invitation.cancelledAt) return 'cancelled';
  return invitation.expiresAt <= now.toISOString() ? 'expired' : 'pending';
}

export function toInvitationSummary(invitation: Invitation, now: Date): InvitationSummary {
  return {
    id: invitation.id,
    cohortId: invitation.cohortId,
    role: invitation.role,
    setId: invitation.setId,
    coacheeId: invitation.coacheeId,
    displayName: invitation.displayName,
    email: invitation.email,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation, now),
  };
}
