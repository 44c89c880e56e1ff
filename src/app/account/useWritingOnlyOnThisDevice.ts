import { useLiveQuery } from 'dexie-react-hooks';
import { useAccountServices } from './AccountContext';
import { writingOnlyOnThisDevice, type WritingOnlyOnThisDevice } from './writingOnlyOnThisDevice';

/**
 * What of the signed-in person's writing is on this device only, kept up to date as sync sends
 * it (undefined while reading). A read that fails — the database closing as it is removed —
 * reads as "not known", never as an error on the screen.
 */
export function useWritingOnlyOnThisDevice(): WritingOnlyOnThisDevice | undefined {
  const { services } = useAccountServices();
  return useLiveQuery(() => writingOnlyOnThisDevice(services.db).catch(() => undefined), [services]);
}
