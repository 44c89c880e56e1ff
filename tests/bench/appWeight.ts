// App weight: what a first visit downloads (gzipped) and what the service worker precaches.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  const precached = [...new Set([...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? ''))];
  return {
    firstVisitJsGzipBytes: scripts.reduce((sum, file) => sum + gzipSize(join(distDir, file)), 0),
    firstVisitCssGzipBytes: styles.reduce((sum, file) => sum + gzipSize(join(distDir, file)), 0),
    precacheEntries: precached.length,
    precacheBytes: precached.reduce((sum, url) => sum + statSync(join(distDir, url)).size, 0),
  };
}
