import type { SetwiseDatabase } from '../db/SetwiseDatabase';
import { draftHoldsWriting } from './draftHoldsWriting';

/** What of a person's writing is on this device only: removing the device's copy would lose it. */
export interface WritingOnlyOnThisDevice {
  /** Changes to their records the server has not acknowledged yet. */
  readonly changes: number;
  /** Photos whose bytes have not been sent yet. */
  readonly photos: number;
  /** Unfinished forms holding words or photos (drafts never sync). */
  readonly drafts: number;
  /** Changes the server did not accept, kept here so the person can copy them. */
  readonly setAside: number;
}

export function totalOnlyOnThisDevice(writing: WritingOnlyOnThisDevice): number {
  return writing.changes + writing.photos + writing.drafts + writing.setAside;
}

/** Unfinished drafts holding writing; when they cannot be read (sealed while locked), every draft counts. */
async function draftsWithWriting(db: SetwiseDatabase): Promise<number> {
  try {
    return (await db.drafts.toArray()).filter((draft) => draftHoldsWriting(draft.value)).length;
  } catch {
    return db.drafts.count();
  }
}

/**
 * Counts what removing this database would lose for good. Only the drafts are read (to see
 * whether they hold writing), so the counts also come while the app is locked.
 */
export async function writingOnlyOnThisDevice(db: SetwiseDatabase): Promise<WritingOnlyOnThisDevice> {
  const [changes, photos, drafts, setAside] = await Promise.all([
    db.outbox.count(),
    db.blobUploads.count(),
    draftsWithWriting(db),
    db.setAsideChanges.count(),
  ]);
  return { changes, photos, drafts, setAside };
}
