import { LOCAL_OWNER } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/**
 * A filter for this person's own records. A device also holds what others shared with this
 * person (a set member's trial, a coachee's entry); the journal, "My challenge", trials and
 * measures show only the person's own, and shared items appear only where they are labelled
 * as someone else's (My set, Coaching).
 */
export async function ownWritingFilter(db: SetwiseDatabase): Promise<(record: { owner: string }) => boolean> {
  const me = await getOwner(db);
  return (record) => record.owner === me || record.owner === LOCAL_OWNER;
}
