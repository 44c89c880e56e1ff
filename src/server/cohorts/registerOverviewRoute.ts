import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loadAccess } from '../access/loadAccess';
import { currentUser, requireUser } from '../auth';
import type { Store } from '../storage/Store';
import { buildCohortOverview } from './buildCohortOverview';
import { sendError, sendZodError } from './replies';

const cohortParam = z.object({ cohortId: z.string().min(1).max(64) });

/** GET /api/cohorts/:cohortId/overview — for the cohort's coordinators only. */
export function registerOverviewRoute(app: FastifyInstance, store: Store): void {
  app.get('/api/cohorts/:cohortId/overview', { preHandler: requireUser }, async (request, reply) => {
    const params = cohortParam.safeParse(request.params);
    if (!params.success) return sendZodError(reply, params.error);
    const access = await loadAccess(store, currentUser(request));
    if (!access.coordinates.has(params.data.cohortId)) return sendError(reply, 403, 'forbidden', 'Only the cohort’s coordinators can see its overview.');
    reply.header('cache-control', 'no-store');
    return buildCohortOverview(store, params.data.cohortId, new Date());
  });
}
