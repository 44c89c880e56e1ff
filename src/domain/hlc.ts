/**
 * Hybrid logical clock (Kulkarni et al.). Each write is stamped with an HLC so that edits from
 * devices whose wall clocks disagree by hours still order causally: a device that has seen a
 * stamp never issues a smaller one, whatever its own clock says.
 *
 * Serialised form: `<wallMs, 15 digits>:<counter, 6 digits>:<node>` — fixed-width numeric parts,
 * so comparing two stamps as plain strings is the same as comparing (wallMs, counter, node).
 * Ties between identical (wallMs, counter) on two devices are broken by the node (client) id.
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export const HLC_ZERO: Hlc = { wallMs: 0, counter: 0, node: '' };

export function formatHlc(hlc: Hlc): string {
  if (hlc.node.includes(':')) throw new Error('HLC node id must not contain ":"');
  return `${String(hlc.wallMs).padStart(WALL_DIGITS, '0')}:${String(hlc.counter).padStart(COUNTER_DIGITS, '0')}:${hlc.node}`;
}

export function parseHlc(text: string): Hlc {
  const match = /^(\d{15}):(\d{6}):([^:]*)$/.exec(text);
  if (!match) throw new Error(`Not a hybrid logical clock stamp: ${text}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}

/** Negative when a is earlier than b. Works on the serialised form. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bump(wallMs: number, counter: number, node: string): Hlc {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

/** Stamp for a new local event. Invariant: the result is strictly after `last`. */
export function tickHlc(last: Hlc, nowMs: number, node: string): Hlc {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return bump(last.wallMs, last.counter + 1, node);
}

/**
 * Fold a stamp seen from elsewhere (another device, the server) into the local clock so that
 * the next local stamp sorts after it. Invariant: result is after both `last` and `remote`.
 */
export function receiveHlc(last: Hlc, remote: Hlc, nowMs: number, node: string): Hlc {
  const wallMs = Math.max(last.wallMs, remote.wallMs, nowMs);
  if (wallMs === last.wallMs && wallMs === remote.wallMs) {
    return bump(wallMs, Math.max(last.counter, remote.counter) + 1, node);
  }
  if (wallMs === last.wallMs) return bump(wallMs, last.counter + 1, node);
  if (wallMs === remote.wallMs) return bump(wallMs, remote.counter + 1, node);
  return { wallMs, counter: 0, node };
}
