import type { AppServices } from './createAppServices';

const running = new Set<AppServices>();

/**
 * The app services started in this tab and not stopped yet. Removing a person's data from the
 * device finds theirs here and shuts them down first — sync, the server's change events, the
 * search index — whoever asks for the removal (sign-out, or a forgotten passcode), without
 * being handed the services.
 */
export const runningAppServices = {
  add(services: AppServices): void {
    running.add(services);
  },
  remove(services: AppServices): void {
    running.delete(services);
  },
  /** Those whose local database has this name. */
  using(databaseName: string): AppServices[] {
    return [...running].filter((services) => services.db.name === databaseName);
  },
};
