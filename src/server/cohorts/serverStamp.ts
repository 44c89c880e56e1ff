import { formatHlc } from '../../domain/hlc';

/**
 * A clock stamp for fields the server writes itself (a membership made when an invitation is
 * accepted). Node "server" sorts after device ids at the same instant, which is harmless:
 * merging only compares stamps of the same field.
 */
export function serverStamp(now: Date): string {
  return formatHlc({ wallMs: now.getTime(), counter: 0, node: 'server' });
}
