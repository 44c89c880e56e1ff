/**
 * Autosaves that may still be waiting or running. Anything that is about to discard the page
 * (reloading into a new app version, the tab being hidden) flushes them first, so the last
 * keystrokes are on the device before the page goes.
 */
const pending = new Set<() => Promise<void>>();

export function registerPendingSave(flush: () => Promise<void>): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}
