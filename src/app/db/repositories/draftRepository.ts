import { draftValueForStorage, draftValueFromStorage } from '../draftValueBlobs';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/**
 * Unsaved forms, autosaved as the person types so a reload, a crash or a sleeping tablet
 * loses nothing. Device-only: drafts are not records and never sync. The caller owns the
 * shape and parses what it reads back (values written by an older app version included).
 */
export function createDraftRepository(db: SetwiseDatabase) {
  return {
    async get(key: string): Promise<unknown> {
      return draftValueFromStorage((await db.drafts.get(key))?.value);
    },
    async put(key: string, value: unknown): Promise<void> {
      const stored = await draftValueForStorage(value);
      await db.drafts.put({ key, value: stored, updatedAt: new Date().toISOString() });
    },
    async remove(key: string): Promise<void> {
      await db.drafts.delete(key);
    },
  };
}
export type DraftRepository = ReturnType<typeof createDraftRepository>;
