// Gzipped (level 9) size of each peer's client: what a device downloads to store documents
// and sync them. Measured with esbuild, as the bench pages are bundled, and with Vite, the
// app's own bundler: esbuild keeps all of zod's locales (it cannot drop members of zod's
// `z` namespace re-export), which Vite drops, so the two differ most for Setwise.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import type { PeerName } from './benchSite';
import { ALIASES, DEFINE, esbuildGzipBytes } from './bundle';

const SIZE_ENTRIES: Readonly<Record<PeerName, string>> = {
  setwise: 'setwiseSyncClient.ts',
  pouchdb: 'pouchClient.ts',
  rxdb: 'rxdbClient.ts',
};

export interface BundleSize {
  readonly esbuildGzipBytes: number;
  readonly viteGzipBytes: number;
}

async function viteGzipBytes(entry: string): Promise<number> {
  const result = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    // Outside the project root, so the app's vite.config.ts (PWA plugin and all) stays out of it.
    root: fileURLToPath(new URL('./entries/', import.meta.url)),
    resolve: { alias: { ...ALIASES } },
    define: { ...DEFINE },
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'size' } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  let bytes = 0;
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('Vite started a watcher instead of building.');
    for (const chunk of output.output) if (chunk.type === 'chunk') bytes += gzipSync(chunk.code, { level: 9 }).length;
  }
  return bytes;
}

export async function measureBundleSizes(): Promise<Record<PeerName, BundleSize>> {
  const sizes: Partial<Record<PeerName, BundleSize>> = {};
  for (const [peer, file] of Object.entries(SIZE_ENTRIES) as [PeerName, string][]) {
    const entry = fileURLToPath(new URL(`./entries/${file}`, import.meta.url));
    sizes[peer] = { esbuildGzipBytes: await esbuildGzipBytes(entry), viteGzipBytes: await viteGzipBytes(entry) };
  }
  return sizes as Record<PeerName, BundleSize>;
}
