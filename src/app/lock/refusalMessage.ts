import type { UnlockResult } from '../db/encryption/createPasscodeLockRepository';

/** What to say when a passcode attempt is refused, in plain words. */
export function refusalMessage(result: Exclude<UnlockResult, { ok: true }>, now = Date.now()): string {
  const waitSeconds = result.retryAfter ? Math.max(0, Math.ceil((Date.parse(result.retryAfter) - now) / 1000)) : 0;
  const wait = waitSeconds > 0 ? ` Too many tries: you can try again in ${formatWait(waitSeconds)}.` : '';
  if (result.reason === 'wait') return `Please wait.${wait}`;
  return `That passcode is not right.${wait}`;
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
