// esbuild settings shared by the bench pages and the size measurements: one minified ES
// module per entry, for a current Chromium, as a production build (NODE_ENV=production, which
// also keeps RxDB and Dexie out of their development paths).
import { build, type BuildOptions } from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * pouchdb-browser's ES build imports Node's 'events'. The npm `events` package supplies it
 * when installed; otherwise entries/eventsShim.ts does (smaller, so PouchDB's size is then
 * slightly understated: see decision 012).
 */
export const USES_EVENTS_SHIM = (() => {
  try {
    createRequire(import.meta.url).resolve('events/package.json');
    return false;
  } catch {
    return true;
  }
})();

/** Module aliases every bundle of the peers needs (for Vite's build as well as esbuild's). */
export const ALIASES: Readonly<Record<string, string>> = USES_EVENTS_SHIM
  ? { events: fileURLToPath(new URL('./entries/eventsShim.ts', import.meta.url)) }
  : {};

/** What both bundlers are told: a production build, and `global` as browsers spell it. */
export const DEFINE: Readonly<Record<string, string>> = { 'process.env.NODE_ENV': '"production"', global: 'globalThis' };

const SHARED: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome120',
  legalComments: 'none',
  logLevel: 'warning',
  define: { ...DEFINE },
  alias: { ...ALIASES },
};

/** Bundles `entry` into `outfile` (a bench page's script). */
export async function bundleToFile(entry: string, outfile: string): Promise<void> {
  await build({ ...SHARED, entryPoints: [entry], outfile });
}

/** Bundles `entry` in memory with esbuild and returns the script's gzip -9 size in bytes. */
export async function esbuildGzipBytes(entry: string): Promise<number> {
  const result = await build({ ...SHARED, entryPoints: [entry], write: false, outfile: 'size.js' });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  if (!code) throw new Error(`esbuild produced no script for ${entry}`);
  return gzipSync(code.contents, { level: 9 }).length;
}
