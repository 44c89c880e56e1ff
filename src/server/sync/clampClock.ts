import { formatHlc, parseHlc } from '../../domain/hlc';

/** How far ahead of the server's clock a device's stamp may be before it is pulled back. */
export const MAX_CLOCK_AHEAD_MS = 60_000;

/**
 * A device whose clock is far in the future must not poison the server: a stamp from a year
 * ahead would win every later edit from every other device. Stamps more than a minute ahead
 * of server time are pulled back to that limit (keeping counter and node, so they stay unique
 * and ordered among themselves). The client rebases onto the server's copy when it pulls, so
 * it ends up with the clamped stamps too, and it corrects its own clock from `serverTime`.
 */
export function clampClock(stamp: string, serverNowMs: number): string {
  const hlc = parseHlc(stamp);
  const limit = serverNowMs + MAX_CLOCK_AHEAD_MS;
  return hlc.wallMs > limit ? formatHlc({ ...hlc, wallMs: limit }) : stamp;
}
