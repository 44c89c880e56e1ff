// Serves the built PWA. Caching rules matter for an offline-first app:
// - sw.js, index.html and the manifest must always be revalidated, or devices keep an old
//   service worker (and so an old app) for a long time;
// - files under /assets/ have content hashes in their names, so they can be cached forever.
import { basename, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const ALWAYS_REVALIDATE = new Set(['sw.js', 'index.html', 'manifest.webmanifest']);
export const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaderSetter(staticDir: string) {
  return (reply: FastifyReply, filePath: string): void => {
    const isHashedAsset = relative(staticDir, filePath).startsWith(`assets${sep}`);
    if (isHashedAsset && !ALWAYS_REVALIDATE.has(basename(filePath))) {
      reply.header('cache-control', IMMUTABLE);
    } else {
      // Everything else (icons, workbox runtime) is small; the service worker caches it anyway.
      reply.header('cache-control', 'no-cache');
    }
  };
}

export async function registerStaticFiles(app: FastifyInstance, staticDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: staticDir,
    // Default cache headers are replaced by ours.
    cacheControl: false,
    setHeaders: cacheHeaderSetter(staticDir),
    // Never list directories, and leave dotfiles (e.g. .DS_Store) unserved.
    list: false,
    dotfiles: 'ignore',
  });
}

/**
 * True when a request that matched no file should get the app shell (index.html) so the
 * client-side router can show the page: a GET/HEAD for a page, not an API call or a file.
 */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) return false;
  if (accept?.includes('text/html')) return true;
  // Without an Accept header (curl, scripts) treat extension-less paths as pages.
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}
