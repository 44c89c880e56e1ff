/**
 * Invitation codes people can read aloud and type on a tablet: 16 characters of Crockford
 * base32 (80 random bits) in four groups, e.g. "K7QM-2XWP-9TRD-HC4B". Typing is forgiving:
 * case, spaces and dashes do not matter, and O/I/L are read as 0/1/1.
 */
export const INVITATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITATION_CODE_LENGTH = 16;

export function formatInvitationCode(raw: string): string {
  return raw.match(/.{1,4}/g)?.join('-') ?? raw;
}

/** The canonical form of a typed code (16 symbols, no dashes), or null when it cannot be one. */
export function normaliseInvitationCode(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== INVITATION_CODE_LENGTH) return null;
  return [...cleaned].every((symbol) => INVITATION_CODE_ALPHABET.includes(symbol)) ? cleaned : null;
}
