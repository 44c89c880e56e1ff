import type { SetAsideChangeRow } from '../rows';
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
    /** Changes the server refused under the sharing rules, kept for the person; newest first. */
    async setAsideChanges(): Promise<SetAsideChangeRow[]> {
      const rows = await db.setAsideChanges.toArray();
      return rows.sort((a, b) => b.setAsideAt.localeCompare(a.setAsideAt) || (b.id ?? 0) - (a.id ?? 0));
    },
    /** The person has copied what they needed: forget the change. Returns it, for "Undo". */
    async dismissSetAsideChange(id: number): Promise<SetAsideChangeRow | undefined> {
      return db.transaction('rw', db.setAsideChanges, async () => {
        const row = await db.setAsideChanges.get(id);
        await db.setAsideChanges.delete(id);
        return row;
      });
    },
    async restoreSetAsideChange(row: SetAsideChangeRow): Promise<void> {
      await db.setAsideChanges.put(row);
    },
  };
}
export type DeviceRepository = ReturnType<typeof createDeviceRepository>;
