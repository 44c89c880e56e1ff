import { cmac } from '@noble/ciphers/aes.js';

/**
 * A blind index token: AES-CMAC of the value under a key derived from the data key, so equal
 * values give equal tokens (the index still finds "phonics") while the token reveals nothing
 * without the key. Only strings are blinded; other values (never words) pass through.
 */
export function blindIndexValue(value: unknown, blindKey: Uint8Array): unknown {
  if (typeof value !== 'string') return value;
  const mac = cmac(new TextEncoder().encode(value), blindKey);
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return `\u0000b:${hex}`;
}
