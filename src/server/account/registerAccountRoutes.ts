// The person's own account: POST /api/account/delete ("Delete my account and data").
import type { FastifyInstance } from 'fastify';
import { deleteAccountBodySchema } from '../../domain/account/accountDeletion';
import { currentUser, requireUser } from '../auth';
import { clearAccountAttempts } from '../auth/loginRateLimit';
import { clearSessionCookie } from '../auth/sessionCookie';
import { sendError, sendZodError } from '../cohorts/replies';
import type { Store } from '../storage/Store';
import type { ChangeNotifier } from '../sync/changeNotifier';
import { deleteAccount, SoleCoordinatorError } from './deleteAccount';

export function registerAccountRoutes(app: FastifyInstance, store: Store, notifier: ChangeNotifier): void {
  /**
   * Signed in, with the CSRF header (requestGuards) and the typed confirmation in the body.
   * Everything goes in one transaction; afterwards the session is gone with the user, the
   * cookie is cleared, and the devices of everyone who saw something of theirs are told to sync.
   */
  app.post('/api/account/delete', { preHandler: requireUser }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const parsed = deleteAccountBodySchema.safeParse(request.body);
    if (!parsed.success) return sendZodError(reply, parsed.error);
    const user = currentUser(request);
    let outcome;
    try {
      outcome = await deleteAccount(store, user, { removeMyMeetingAdditions: parsed.data.removeMyMeetingAdditions }, new Date());
    } catch (error) {
      if (error instanceof SoleCoordinatorError) return sendError(reply, 409, 'sole-coordinator', error.message);
      throw error;
    }
    for (const token of outcome.touchedTokens) notifier.publish(token);
    await clearAccountAttempts(store, user.email);
    clearSessionCookie(request, reply);
    return reply.send(outcome.response);
  });
}
