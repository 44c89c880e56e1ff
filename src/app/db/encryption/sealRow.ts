import { gcm } from '@noble/ciphers/aes.js';
import { blindIndexValue } from './blindIndexValue';
import type { DataKeys } from './deviceKeyring';
import { encodeRowContent } from './encodeRowContent';
import type { SealingPlan } from './sealingPlan';

/** The field holding a sealed row's ciphertext: format version, nonce, AES-GCM output. */
export const SEALED_FIELD = '\u0000sealed';
export const SEAL_FORMAT_VERSION = 1;
export const NONCE_BYTES = 12;

export function isSealed(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && SEALED_FIELD in row;
}

/** The table name is bound to the ciphertext, so a row cannot be replayed into another table. */
export function associatedDataFor(table: string): Uint8Array {
  return new TextEncoder().encode(`setwise:${table}:v${SEAL_FORMAT_VERSION}`);
}

/**
 * Seals one row for storage. Synchronous on purpose: it runs inside IndexedDB transactions,
 * which commit as soon as they wait on anything that is not an IndexedDB request (WebCrypto
 * would end them). The whole row is sealed; the clear fields are copied beside it.
 */
export function sealRow(row: unknown, plan: SealingPlan, keys: DataKeys): unknown {
  if (typeof row !== 'object' || row === null || isSealed(row)) return row;
  const source = row as Record<string, unknown>;
  const stored: Record<string, unknown> = {};
  for (const field of plan.clearFields) {
    if (field in source) stored[field] = source[field];
  }
  for (const field of plan.blindFields) {
    const value = source[field];
    if (Array.isArray(value)) stored[field] = value.map((item) => blindIndexValue(item, keys.blindKey));
    else if (value !== undefined) stored[field] = blindIndexValue(value, keys.blindKey);
  }
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const ciphertext = gcm(keys.sealKey, nonce, associatedDataFor(plan.table)).encrypt(encodeRowContent(row));
  const sealed = new Uint8Array(1 + NONCE_BYTES + ciphertext.length);
  sealed[0] = SEAL_FORMAT_VERSION;
  sealed.set(nonce, 1);
  sealed.set(ciphertext, 1 + NONCE_BYTES);
  stored[SEALED_FIELD] = sealed;
  return stored;
}
