import { formatHlc, HLC_ZERO, parseHlc, tickHlc } from '../../domain/hlc';
import { newId } from '../../domain/ids';
import { LOCAL_OWNER } from '../../domain/syncedRecord';
import type { SetwiseDatabase } from './SetwiseDatabase';

const DEVICE_ID_KEY = 'deviceId';
const LAST_HLC_KEY = 'lastHlc';
const OWNER_KEY = 'owner';

/** This device's id: the HLC node id and the tie-breaker between devices. Made once. */
export async function getDeviceId(db: SetwiseDatabase): Promise<string> {
  const row = await db.meta.get(DEVICE_ID_KEY);
  if (typeof row?.value === 'string') return row.value;
  const id = newId().replace(/-/g, '');
  await db.meta.put({ key: DEVICE_ID_KEY, value: id });
  return id;
}

/** Whose records new writes belong to: the signed-in account, or LOCAL_OWNER before that. */
export async function getOwner(db: SetwiseDatabase): Promise<string> {
  const row = await db.meta.get(OWNER_KEY);
  return typeof row?.value === 'string' ? row.value : LOCAL_OWNER;
}

/**
 * Next HLC stamp for a local write. Must run inside a transaction that includes `meta`, so
 * two tabs writing at once still get strictly increasing stamps.
 */
export async function nextLocalStamp(db: SetwiseDatabase, now: Date): Promise<string> {
  const node = await getDeviceId(db);
  const row = await db.meta.get(LAST_HLC_KEY);
  const last = typeof row?.value === 'string' ? parseHlc(row.value) : HLC_ZERO;
  const stamp = formatHlc(tickHlc(last, now.getTime(), node));
  await db.meta.put({ key: LAST_HLC_KEY, value: stamp });
  return stamp;
}
