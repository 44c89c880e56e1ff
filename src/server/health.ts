// GET /api/health: a cheap check for monitors and for the app to see the server is reachable.
import type { FastifyInstance } from 'fastify';

export type HealthBody = { ok: true; version: string };

export function registerHealthRoute(app: FastifyInstance, version: string): void {
  app.get('/api/health', async (_request, reply): Promise<HealthBody> => {
    // Health must reflect "now", never a cached answer.
    reply.header('cache-control', 'no-store');
    return { ok: true, version };
  });
}
