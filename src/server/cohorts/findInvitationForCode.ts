import { formatUkDate } from '../../domain/dates';
import { INVITATION_ERRORS } from '../../domain/sets/cohortApi';
import { normaliseInvitationCode } from '../../domain/sets/invitationCode';
import type { Invitation, Store } from '../storage/Store';
import { hashInvitationCode } from './invitationCodes';
import { invitationState } from './invitationState';

/** Why a code cannot be used, as an HTTP answer: status, machine code and a sentence. */
export interface InvitationRefusal {
  readonly status: 400 | 404 | 410;
  readonly code: string;
  readonly error: string;
}

/** The invitation a typed code opens, if it can still be used; otherwise why not. */
export async function findInvitationForCode(store: Store, typed: string, now: Date): Promise<Invitation | InvitationRefusal> {
  const canonical = normaliseInvitationCode(typed);
  const invitation = canonical ? await store.findInvitationByCodeHash(hashInvitationCode(canonical)) : undefined;
  if (!invitation) {
    return {
      status: 404,
      code: INVITATION_ERRORS.unknown,
      error: 'This code does not match any invitation. Check it with your coordinator — codes look like K7QM-2XWP-9TRD-HC4B.',
    };
  }
  switch (invitationState(invitation, now)) {
    case 'used':
      return {
        status: 410,
        code: INVITATION_ERRORS.used,
        error: 'This invitation has already been used. If that was you, sign in; otherwise ask your coordinator for a new one.',
      };
    case 'cancelled':
      return { status: 410, code: INVITATION_ERRORS.cancelled, error: 'This invitation was cancelled by your coordinator. Ask them for a new one.' };
    case 'expired':
      return {
        status: 410,
        code: INVITATION_ERRORS.expired,
        error: `This invitation expired on ${formatUkDate(invitation.expiresAt)}. Ask your coordinator for a new one.`,
      };
    case 'pending':
      return invitation;
  }
}

export function isRefusal(value: Invitation | InvitationRefusal): value is InvitationRefusal {
  return 'status' in value && 'error' in value && !('codeHash' in value);
}
