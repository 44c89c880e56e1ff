import type { DeviceRepository } from '../db/repositories/deviceRepository';
import { requestPersistentStorage } from './storagePersistence';

/** After the first saved entry, ask once for persistent storage (Settings shows the result). */
export async function askForPersistentStorageOnce(device: DeviceRepository): Promise<void> {
  if (await device.wasPersistenceRequested()) return;
  await device.markPersistenceRequested();
  await requestPersistentStorage();
}
