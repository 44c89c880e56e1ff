// Builds the Fastify app without listening, so tests can use app.inject() and main.ts (or the
// e2e harness) decides where to listen. Later features (sync) register their routes on the
// returned instance before it starts.
import Fastify, { type FastifyInstance } from 'fastify';
import packageJson from '../../package.json' with { type: 'json' };
import type { LogLevel } from './config';
import { addErrorHandlers } from './errors';
import { registerHealthRoute } from './health';
import { addSecurityHeaders } from './securityHeaders';
import { registerStaticFiles } from './staticFiles';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type CreateServerOptions = {
  /** Absolute path of the built app (contains index.html). */
  staticDir: string;
  /** Absolute path for server-side data; not used yet, reserved for the sync store. */
  dataDir: string;
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
  });

  addSecurityHeaders(app);
  addErrorHandlers(app);
  registerHealthRoute(app, options.version ?? packageJson.version);
  await registerStaticFiles(app, options.staticDir);

  return app;
}
