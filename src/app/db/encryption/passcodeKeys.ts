import type { DataKeys } from './deviceKeyring';

/**
 * The passcode never encrypts records itself: it unwraps a random data key (docs/decisions/016).
 * Changing the passcode re-wraps that key in a moment instead of re-encrypting every record.
 * PBKDF2-SHA-256 at 600,000 iterations (OWASP's 2023 figure) makes each guess at a copied
 * database cost a sizeable fraction of a second, on top of the app's own growing delay.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface WrappedDataKey {
  readonly kdf: 'PBKDF2-SHA-256';
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly iv: Uint8Array;
  /** AES-GCM(key derived from the passcode) of the 32-byte data key. */
  readonly wrappedKey: Uint8Array;
}

export class WrongPasscodeError extends Error {
  constructor() {
    super('That passcode is not right.');
    this.name = 'WrongPasscodeError';
  }
}

const encoder = new TextEncoder();
// WebCrypto wants an ArrayBuffer-backed view; copying also detaches us from caller buffers.
const asBuffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

async function keyFromPasscode(passcode: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passcode.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The keys used for rows, derived from the one data key (HKDF) so each has one purpose. */
async function dataKeysFrom(dataKey: Uint8Array): Promise<DataKeys> {
  const base = await crypto.subtle.importKey('raw', asBuffer(dataKey), 'HKDF', false, ['deriveBits']);
  const derive = async (info: string) =>
    new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) }, base, 256));
  return { sealKey: await derive('setwise rows v1'), blindKey: await derive('setwise blind index v1') };
}

export async function wrapDataKey(dataKey: Uint8Array, passcode: string, iterations = PBKDF2_ITERATIONS): Promise<WrappedDataKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrappingKey = await keyFromPasscode(passcode, salt, iterations);
  const wrappedKey = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrappingKey, asBuffer(dataKey)));
  return { kdf: 'PBKDF2-SHA-256', iterations, salt, iv, wrappedKey };
}

/** A new random data key, wrapped by the passcode, and the row keys it gives. */
export async function createDataKey(passcode: string, iterations = PBKDF2_ITERATIONS): Promise<{ wrapped: WrappedDataKey; keys: DataKeys }> {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  try {
    return { wrapped: await wrapDataKey(dataKey, passcode, iterations), keys: await dataKeysFrom(dataKey) };
  } finally {
    dataKey.fill(0);
  }
}

/** Unwraps the data key; AES-GCM's tag fails for a wrong passcode. */
export async function unwrapDataKey(wrapped: WrappedDataKey, passcode: string): Promise<{ dataKey: Uint8Array; keys: DataKeys }> {
  const wrappingKey = await keyFromPasscode(passcode, wrapped.salt, wrapped.iterations);
  let dataKey: Uint8Array;
  try {
    dataKey = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: asBuffer(wrapped.iv) }, wrappingKey, asBuffer(wrapped.wrappedKey)));
  } catch {
    throw new WrongPasscodeError();
  }
  return { dataKey, keys: await dataKeysFrom(dataKey) };
}
