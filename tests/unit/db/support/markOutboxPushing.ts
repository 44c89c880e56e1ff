import type { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';

/**
 * Stand-in for the sync engine starting a push: marks every outbox row as being pushed, so the
 * next write to any record opens a new row instead of folding into an earlier one.
 */
export async function markOutboxPushing(db: SetwiseDatabase, at = new Date().toISOString()): Promise<void> {
  await db.outbox.toCollection().modify((row) => {
    row.pushStartedAt ??= at;
  });
}
