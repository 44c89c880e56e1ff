import { LOCAL_OWNER } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/**
 * A filter for this person's own records. A device also holds what others shared with this
 * person (a set member's trial, a coachee's entry); the journal, "My challenge", trials and
 * measures show only the person's own, and shared items appear only where they are labelled
 * as someone else's (My set, Coaching).
 */
export function ownWritingFilter(db: SetwiseDatabase): Promise<(record: { owner: string }) => boolean> {
  // Dexie's promise, not an async function's: see getOwner.
  return getOwner(db).then((me) => (record: { owner: string }) => record.owner === me || record.owner === LOCAL_OWNER);
}
