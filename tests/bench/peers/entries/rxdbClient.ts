// Size entry (never run): RxDB core, its free Dexie (IndexedDB) storage and the generic
// replication plugin — what the RxDB bench page uses, without dev-mode.
export { createRxDatabase } from 'rxdb';
export { replicateRxCollection } from 'rxdb/plugins/replication';
export { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
