// A fresh server per run and peer, so every run starts from an empty server-side database on
// disk in a new temporary directory. Each server also serves the bench site, so page and
// sync API share an origin (no CORS preflights in anyone's timings).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerName } from './benchSite';
import type { Listening } from './listen';
import { startPouchServer } from './pouchServer';
import { startRxdbServer } from './rxdbServer';
import { startSetwiseServer } from './setwiseServer';

const STARTERS: Readonly<Record<PeerName, (siteDir: string, dataDir: string) => Promise<Listening>>> = {
  setwise: startSetwiseServer,
  pouchdb: startPouchServer,
  rxdb: startRxdbServer,
};

/** Starts `peer`'s server on an empty database; closing it also deletes that database. */
export async function startServer(peer: PeerName, siteDir: string): Promise<Listening> {
  const dataDir = mkdtempSync(join(tmpdir(), `setwise-peers-${peer}-`));
  try {
    const server = await STARTERS[peer](siteDir, dataDir);
    return {
      origin: server.origin,
      async close() {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
