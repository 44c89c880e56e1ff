import { formatHlc, HLC_ZERO, parseHlc, receiveHlc, tickHlc } from '../../domain/hlc';
import { newId } from '../../domain/ids';
import { LOCAL_OWNER } from '../../domain/syncedRecord';
import type { SetwiseDatabase } from './SetwiseDatabase';

const DEVICE_ID_KEY = 'deviceId';
const LAST_HLC_KEY = 'lastHlc';
const OWNER_KEY = 'owner';
const CLOCK_OFFSET_KEY = 'serverClockOffsetMs';

/** This device's id: the HLC node id and the tie-breaker between devices. Made once. */
export async function getDeviceId(db: SetwiseDatabase): Promise<string> {
  const row = await db.meta.get(DEVICE_ID_KEY);
  if (typeof row?.value === 'string') return row.value;
  const id = newId().replace(/-/g, '');
  await db.meta.put({ key: DEVICE_ID_KEY, value: id });
  return id;
}

/**
 * Whose records new writes belong to: the signed-in account, or LOCAL_OWNER before that.
 * Deliberately not an async function: it returns Dexie's own promise, so a live query that
 * awaits it keeps tracking the reads that follow (a native promise in between would lose
 * Dexie's zone, and the query would stop updating when those tables change).
 */
export function getOwner(db: SetwiseDatabase): Promise<string> {
  return db.meta.get(OWNER_KEY).then((row) => (typeof row?.value === 'string' ? row.value : LOCAL_OWNER));
}

/**
 * Next HLC stamp for a local write. Must run inside a transaction that includes `meta`, so
 * two tabs writing at once still get strictly increasing stamps.
 */
export async function nextLocalStamp(db: SetwiseDatabase, now: Date): Promise<string> {
  const node = await getDeviceId(db);
  const [row, offsetRow] = await Promise.all([db.meta.get(LAST_HLC_KEY), db.meta.get(CLOCK_OFFSET_KEY)]);
  const last = typeof row?.value === 'string' ? parseHlc(row.value) : HLC_ZERO;
  // A device clock that is hours wrong is corrected by the offset to server time learnt at the
  // last sync, so its stamps stay comparable with other devices'.
  const offset = typeof offsetRow?.value === 'number' ? offsetRow.value : 0;
  const stamp = formatHlc(tickHlc(last, now.getTime() + offset, node));
  await db.meta.put({ key: LAST_HLC_KEY, value: stamp });
  return stamp;
}

/**
 * Fold what a server response tells us into the device clock: the server's time (to correct a
 * wrong device clock) and the latest stamp seen in pulled records (so the next local stamp
 * sorts after every change this device has seen). Must run inside a transaction over `meta`.
 */
export async function observeRemoteClock(
  db: SetwiseDatabase,
  observation: { serverTime: number; localTimeAtResponse: number; latestStamp?: string | undefined },
): Promise<void> {
  const node = await getDeviceId(db);
  await db.meta.put({ key: CLOCK_OFFSET_KEY, value: observation.serverTime - observation.localTimeAtResponse });
  if (!observation.latestStamp) return;
  const row = await db.meta.get(LAST_HLC_KEY);
  const last = typeof row?.value === 'string' ? parseHlc(row.value) : HLC_ZERO;
  const next = receiveHlc(last, parseHlc(observation.latestStamp), observation.serverTime, node);
  await db.meta.put({ key: LAST_HLC_KEY, value: formatHlc(next) });
}
