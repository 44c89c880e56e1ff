import { createHash, randomBytes } from 'node:crypto';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH } from '../../domain/sets/invitationCode';

/** A fresh random code in canonical form (80 bits from the OS's CSPRNG, 5 bits per symbol). */
export function generateInvitationCode(): string {
  const bytes = randomBytes(INVITATION_CODE_LENGTH);
  return [...bytes].map((byte) => INVITATION_CODE_ALPHABET[byte & 31]).join('');
}

/** Only this hash is stored: a copy of the database does not let anyone join. */
export function hashInvitationCode(canonicalCode: string): string {
  return createHash('sha256').update(`setwise-invitation:${canonicalCode}`).digest('hex');
}
