import { cohortAdminToken } from '../../domain/access/audienceTokens';
import { RECORD_RULES } from '../../domain/access/recordRules';
import { newId } from '../../domain/ids';
import type { Membership } from '../../domain/sets/membership';
import type { Invitation, Store } from '../storage/Store';
import { serverStamp } from './serverStamp';

/** Someone else used the invitation between our check and our write. */
export class InvitationTakenError extends Error {}

/**
 * Uses the invitation for `user`, once: marks it used and writes their membership in one
 * transaction, so an invitation can never give two memberships, and a membership exists only
 * for an invitation that was really used. Returns the audience tokens touched (to notify).
 */
export async function acceptInvitation(
  store: Store,
  invitation: Invitation,
  user: { id: string; displayName: string },
  now: Date,
): Promise<{ membership: Membership; touchedTokens: string[] }> {
  return store.transaction(async (tx) => {
    if (!(await tx.claimInvitation(invitation.id, user.id, now))) throw new InvitationTakenError('This invitation has just been used.');
    const stamp = serverStamp(now);
    const iso = now.toISOString();
    const content = {
      cohortId: invitation.cohortId,
      userId: user.id,
      displayName: invitation.displayName || user.displayName,
      role: invitation.role,
      setId: invitation.role === 'coach' ? null : invitation.setId,
      coacheeId: invitation.role === 'coach' ? invitation.coacheeId : null,
      status: 'active' as const,
      withdrawnOn: null,
    };
    const membership: Membership = {
      ...content,
      id: newId(),
      // Owned by whoever invited them: coordinators manage memberships.
      owner: invitation.createdBy,
      createdAt: iso,
      updatedAt: iso,
      deletedAt: null,
      clocks: Object.fromEntries(Object.keys(content).map((field) => [field, stamp])),
    };
    const audience = RECORD_RULES.memberships.audience(membership, undefined);
    await tx.putRecord('memberships', membership.id, membership.owner, membership, audience);
    return { membership, touchedTokens: [...audience, cohortAdminToken(invitation.cohortId)] };
  });
}
