import { gcm } from '@noble/ciphers/aes.js';
import type { DataKeys } from './deviceKeyring';
import { DeviceLockedError } from './deviceKeyring';
import { decodeRowContent } from './encodeRowContent';
import type { SealingPlan } from './sealingPlan';
import { associatedDataFor, isSealed, NONCE_BYTES, SEAL_FORMAT_VERSION, SEALED_FIELD } from './sealRow';

export class UnreadableRowError extends Error {}

/**
 * Opens one stored row: a sealed row is decrypted (AES-GCM also proves it was not altered);
 * a clear row (written before the passcode was set, or the lock settings) is returned as is.
 * The clear primary key wins over the sealed copy: an auto-incremented key is only assigned
 * after the row was sealed.
 */
export function openRow(stored: unknown, plan: SealingPlan, keys: DataKeys | null): unknown {
  if (!isSealed(stored)) return stored;
  if (!keys) throw new DeviceLockedError();
  const sealed = stored[SEALED_FIELD];
  if (!(sealed instanceof Uint8Array) || sealed[0] !== SEAL_FORMAT_VERSION) {
    throw new UnreadableRowError(`A row of ${plan.table} is in a format this version of Setwise cannot read.`);
  }
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const plain = gcm(keys.sealKey, nonce, associatedDataFor(plan.table)).decrypt(sealed.subarray(1 + NONCE_BYTES));
  const row = decodeRowContent(plain);
  const primaryKey = plan.primaryKeyField;
  if (primaryKey !== null && primaryKey in stored) row[primaryKey] = stored[primaryKey];
  return row;
}
