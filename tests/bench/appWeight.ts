// App weight: what a first visit downloads (gzipped) and what the service worker precaches.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rows } from './stats';

export const APP_WEIGHT_NOTE =
  'App weight is read from the production build the run makes (into a temporary directory, so a build elsewhere in the tree cannot change it under the run); exact, so measured once: the scripts, module preloads and style sheets index.html loads on a first visit, each compressed with gzip -9, and the files sw.js precaches, uncompressed.';

export interface AppWeight {
  readonly firstVisitJsGzipBytes: number;
  readonly firstVisitCssGzipBytes: number;
  readonly precacheEntries: number;
  readonly precacheBytes: number;
}

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Reads dist/: the scripts and styles index.html loads, and the URLs sw.js precaches. */
export function measureAppWeight(distDir: string): AppWeight {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1] ?? '');
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  // Minified, `url:"…"`; unminified (a development build), `"url": "…"`.
  const precached = [...new Set([...sw.matchAll(/\burl"?:\s*"([^"]+)"/g)].map((m) => m[1] ?? ''))];
  return {
    firstVisitJsGzipBytes: scripts.reduce((sum, file) => sum + gzipSize(join(distDir, file)), 0),
    firstVisitCssGzipBytes: styles.reduce((sum, file) => sum + gzipSize(join(distDir, file)), 0),
    precacheEntries: precached.length,
    precacheBytes: precached.reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function appWeightRows(distDir: string): Rows {
  const weight = measureAppWeight(distDir);
  return [
    ['First visit JS (gzip -9)', kb(weight.firstVisitJsGzipBytes)],
    ['First visit CSS (gzip -9)', kb(weight.firstVisitCssGzipBytes)],
    ['Precache', `${weight.precacheEntries} files, ${kb(weight.precacheBytes)} uncompressed`],
  ];
}
