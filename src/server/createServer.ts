// Builds the Fastify app without listening, so tests can use app.inject() and main.ts (or the
// e2e harness) decides where to listen: static app, accounts, and the sync API on one port.
import Fastify, { type FastifyInstance } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import type { LogLevel } from './config';
import { registerAccountRoutes } from './account/registerAccountRoutes';
import { registerAuth } from './auth';
import { registerInvitationRoutes } from './cohorts/registerInvitationRoutes';
import { registerOverviewRoute } from './cohorts/registerOverviewRoute';
import { addErrorHandlers } from './errors';
import { registerHealthRoute } from './health';
import { addSecurityHeaders } from './securityHeaders';
import { registerStaticFiles } from './staticFiles';
import { openStore } from './storage/openStore';
import type { Store } from './storage/Store';
import { createMemoryChangeNotifier } from './sync/changeNotifier';
import { createPostgresChangeNotifier } from './sync/postgresChangeNotifier';
import { registerSyncRoutes } from './sync/registerSyncRoutes';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type CreateServerOptions = {
  /** Absolute path of the built app (contains index.html). */
  staticDir: string;
  /** Absolute path for server-side data: the SQLite store lives here unless databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL connection string; when unset, the embedded SQLite store in dataDir. */
  databaseUrl?: string;
  /** An already open store (tests share one); otherwise one is opened, and closed with the app. */
  store?: Store;
  /** Pino level; tests pass 'silent'. */
  logLevel?: LogLevel;
  /** Reported by /api/health; defaults to package.json's version. */
  version?: string;
};

export async function createServer(options: CreateServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Structured JSON lines via pino, Fastify's built-in logger.
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: BODY_LIMIT_BYTES,
    // Requests should not hang a tablet on a poor connection forever.
    requestTimeout: 30_000,
    // Open event streams (/api/sync/events) must not keep a stopping server alive.
    forceCloseConnections: true,
  });

  const store = options.store ?? (await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl }));
  const notifier = options.databaseUrl ? await createPostgresChangeNotifier(options.databaseUrl) : createMemoryChangeNotifier();
  app.addHook('onClose', async () => {
    await notifier.close();
    if (!options.store) await store.close();
  });

  addSecurityHeaders(app);
  addErrorHandlers(app);
  await registerAuth(app, store);
  registerHealthRoute(app, options.version ?? packageJson.version);
  registerSyncRoutes(app, store, notifier);
  registerInvitationRoutes(app, store, notifier);
  registerOverviewRoute(app, store);
  registerAccountRoutes(app, store, notifier);
  await registerStaticFiles(app, options.staticDir);

  return app;
}
