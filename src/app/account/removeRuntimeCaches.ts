/** Workbox's precache of the app shell (built HTML, JS, CSS, icons): no one's data, and it lets the app open offline. */
export const APP_SHELL_CACHE_PREFIX = 'workbox-precache';

/**
 * Deletes every Cache Storage cache except the app shell's precache. Setwise keeps no runtime
 * caches today (records and photos live in IndexedDB; the service worker caches no API
 * responses), so this finds nothing to do — but any cache added later, or left by an older
 * version, could hold someone's writing, so it goes unless it is the precache.
 */
export async function removeRuntimeCaches(): Promise<void> {
  // Outside a secure context (and in jsdom) there is no Cache Storage to hold anything.
  if (typeof caches === 'undefined') return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(APP_SHELL_CACHE_PREFIX)) await caches.delete(name);
  }
}
