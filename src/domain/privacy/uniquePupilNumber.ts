/**
 * The English Unique Pupil Number (UPN): 13 characters, a check letter then 12 digits (a
 * permanent UPN, e.g. A123456789012) or 11 digits and a letter (a temporary one). The digits are
 * the local authority (3), the school (4), the year of allocation (2) and a serial (3).
 *
 * The check letter is the DfE's: each character from the second on is weighted by its position
 * (2 to 13), the sum is taken modulo 23, and the result is a letter of this alphabet, which
 * leaves out I, O and S. A temporary UPN's last letter counts as its place in the same alphabet.
 */
const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Letter, then 12 digits or 11 digits and a letter; nothing else. */
const UPN_SHAPE = /^[A-Z](?:\d{12}|\d{11}[A-Z])$/;

/** The check letter a UPN with these 12 characters after it must start with, or null if they cannot be a UPN. */
export function upnCheckLetter(rest: string): string | null {
  if (!/^(?:\d{12}|\d{11}[A-Z])$/.test(rest)) return null;
  let sum = 0;
  for (let index = 0; index < rest.length; index += 1) {
    const character = rest.charAt(index);
    const value = /\d/.test(character) ? Number(character) : CHECK_ALPHABET.indexOf(character);
    if (value < 0) return null;
    sum += value * (index + 2);
  }
  return CHECK_ALPHABET.charAt(sum % 23);
}

/** True when `candidate` has the shape of a UPN and its check letter is right. */
export function isValidUpn(candidate: string): boolean {
  const upper = candidate.toUpperCase();
  return UPN_SHAPE.test(upper) && upnCheckLetter(upper.slice(1)) === upper.charAt(0);
}
