// A real SQLite store in a temp data directory, opened exactly as the server opens it.
import { openStore } from '../../../../src/server/storage/openStore';
import type { Store } from '../../../../src/server/storage/Store';

export function openTestStore(dataDir: string): Promise<Store> {
  return openStore({ dataDir });
}
