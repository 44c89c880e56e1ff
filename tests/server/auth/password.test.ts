// Password hashes: scrypt in the documented format, a fresh salt each time, and checks that
// fail safely on anything unexpected.
import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  verifyDummyPassword,
  verifyPassword,
} from '../../../src/server/auth/password';

describe('password hashing', () => {
  it('round-trips: the right password verifies, a wrong one does not', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores scrypt$N$r$p$salt$hash with a 16-byte salt and a 64-byte key', async () => {
    const parts = (await hashPassword('a long passphrase')).split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(64);
  });

  it('uses a different salt (and so a different hash) every time', async () => {
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(first).not.toBe(second);
    expect(first.split('$')[4]).not.toBe(second.split('$')[4]);
    expect(await verifyPassword('same password', first)).toBe(true);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it('treats the same text in different Unicode forms as one password', async () => {
    const hash = await hashPassword('Zoë Brontë-Smith');
    expect(await verifyPassword('Zoe\u0308 Bronte\u0308-Smith', hash)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another algorithm', 'bcrypt$10$abc'],
    ['too few parts', 'scrypt$32768$8$1$c2FsdA=='],
    ['N not a power of two', `scrypt$1000$8$1$${'a'.repeat(24)}$${'b'.repeat(88)}`],
    ['absurd memory cost', `scrypt$${2 ** 30}$8$1$${'a'.repeat(24)}$${'b'.repeat(88)}`],
    ['short key', 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
  ])('refuses a malformed stored hash (%s) without throwing', async (_label, stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('has a dummy check for unknown emails that always fails', async () => {
    expect(await verifyDummyPassword('whatever they typed')).toBe(false);
  });

  it('generates strong, different passwords for the admin command line', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
