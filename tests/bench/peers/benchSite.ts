// The static site every run's server serves: one page per peer, each loading its bundled
// entry as a module (an external script, so Setwise's Content-Security-Policy allows it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleToFile } from './bundle';

export type PeerName = 'setwise' | 'pouchdb' | 'rxdb';

const ENTRIES: Readonly<Record<PeerName, string>> = {
  setwise: 'setwiseDevice.ts',
  pouchdb: 'pouchDevice.ts',
  rxdb: 'rxdbDevice.ts',
};

export interface BenchSite {
  readonly dir: string;
  /** Path of a peer's page on any of the bench servers. */
  pagePath(peer: PeerName): string;
  remove(): void;
}

export async function buildBenchSite(): Promise<BenchSite> {
  const dir = mkdtempSync(join(tmpdir(), 'setwise-peers-site-'));
  try {
    // Setwise's static file server expects an app shell.
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Setwise peers bench</title>');
    for (const [peer, entry] of Object.entries(ENTRIES)) {
      await bundleToFile(fileURLToPath(new URL(`./entries/${entry}`, import.meta.url)), join(dir, `${peer}.js`));
      writeFileSync(join(dir, `${peer}.html`), `<!doctype html><meta charset="utf-8"><title>${peer}</title><script type="module" src="/${peer}.js"></script>`);
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    pagePath: (peer) => `/${peer}.html`,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
