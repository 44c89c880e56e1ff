import type { SetwiseDatabase } from '../SetwiseDatabase';

const PERSIST_ASKED_KEY = 'storagePersistAsked';
/** Written by the sync engine after each successful round. */
export const LAST_SYNCED_KEY = 'lastSyncedAt';

/** Facts about this device's copy: what is waiting to sync, and one-off prompts already made. */
export function createDeviceRepository(db: SetwiseDatabase) {
  return {
    /** Local changes not yet acknowledged by the server (signed out: all of them). */
    async pendingChangeCount(): Promise<number> {
      return db.outbox.count();
    },
    /** When this device last finished a sync round with the server (ISO), or null if never. */
    async lastSyncedAt(): Promise<string | null> {
      const value = (await db.meta.get(LAST_SYNCED_KEY))?.value;
      return typeof value === 'string' ? value : null;
    },
    async wasPersistenceRequested(): Promise<boolean> {
      return (await db.meta.get(PERSIST_ASKED_KEY))?.value === true;
    },
    async markPersistenceRequested(): Promise<void> {
      await db.meta.put({ key: PERSIST_ASKED_KEY, value: true });
    },
  };
}
export type DeviceRepository = ReturnType<typeof createDeviceRepository>;
