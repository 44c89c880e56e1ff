import { formatUkDate } from '../../domain/dates';
import type { InvitationPreview } from '../../domain/sets/cohortApi';
import { MEMBER_ROLE_WORDS } from '../../domain/sets/membership';

/** "Priya Shah — you're invited to join Set A of Northfield leaders 2026–27 as a participant." */
export function invitationSentence(preview: InvitationPreview): string {
  const role = MEMBER_ROLE_WORDS[preview.role];
  if (preview.role === 'coach') {
    return `${preview.displayName} — you're invited to join ${preview.cohortName} as the coach of ${preview.coacheeName ?? 'one participant'}.`;
  }
  const where = preview.setName ? `${preview.setName} of ${preview.cohortName}` : preview.cohortName;
  return `${preview.displayName} — you're invited to join ${where} as a ${role}.`;
}

export function expirySentence(preview: InvitationPreview): string {
  return `This invitation expires on ${formatUkDate(preview.expiresAt)}.`;
}

/** Told once the person has joined: "You have joined Set A of Northfield leaders 2026–27." */
export function joinedMessage(preview: InvitationPreview): string {
  const where = preview.role !== 'coach' && preview.setName ? `${preview.setName} of ${preview.cohortName}` : preview.cohortName;
  return `You have joined ${where}. Your set’s calendar and people arrive with the next sync.`;
}
