import type { SetwiseDatabase } from '../SetwiseDatabase';

const PERSIST_ASKED_KEY = 'storagePersistAsked';

/** Facts about this device's copy: what is waiting to sync, and one-off prompts already made. */
export function createDeviceRepository(db: SetwiseDatabase) {
  return {
    /** Local changes not yet acknowledged by a server (all of them, until sync arrives). */
    async pendingChangeCount(): Promise<number> {
      return db.outbox.count();
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
