// Invitations: a coordinator makes one for a named person with a role (and set, or coachee);
// the person opens /join/<code>, sees what they are joining, and accepts it once, before it
// expires, with a new account or the one they are signed in to.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { cohortAdminToken, cohortToken } from '../../domain/access/audienceTokens';
import { newId } from '../../domain/ids';
import {
  acceptInvitationBodySchema,
  createInvitationBodySchema,
  INVITATION_ERRORS,
  type CreatedInvitation,
  type InvitationPreview,
} from '../../domain/sets/cohortApi';
import { formatInvitationCode } from '../../domain/sets/invitationCode';
import { isActiveMembership, MEMBER_ROLE_WORDS, membershipSchema } from '../../domain/sets/membership';
import { loadAccess } from '../access/loadAccess';
import { currentUser, requireUser, type SessionBody } from '../auth';
import { createAccount } from '../auth/accounts';
import { toAuthUser } from '../auth/authTypes';
import { newPasswordField } from '../auth/bodies';
import { setSessionCookie } from '../auth/sessionCookie';
import { startSession } from '../auth/sessions';
import { EmailTakenError, type Invitation, type Store } from '../storage/Store';
import type { ChangeNotifier } from '../sync/changeNotifier';
import { acceptInvitation, InvitationTakenError } from './acceptInvitation';
import { findInvitationForCode, isRefusal } from './findInvitationForCode';
import { generateInvitationCode, hashInvitationCode } from './invitationCodes';
import { toInvitationSummary } from './invitationState';
import { fieldText, sendError, sendZodError } from './replies';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Guesses at codes: at most this many lookups per address in 15 minutes. */
const CODE_ATTEMPT_LIMIT = 30;
const CODE_WINDOW_MS = 15 * 60 * 1000;
const idParam = z.object({ id: z.string().min(1).max(64) });
const cohortParam = z.object({ cohortId: z.string().min(1).max(64) });
const codeQuery = z.object({ code: z.string().min(1, { error: 'Enter your invitation code.' }).max(64) });

async function withinCodeLimit(store: Store, request: FastifyRequest, now: Date): Promise<boolean> {
  const attempts = await store.recordLoginAttempt(`invitation:${request.ip}`, now, new Date(now.getTime() - CODE_WINDOW_MS));
  return attempts <= CODE_ATTEMPT_LIMIT;
}

async function tooMany(reply: FastifyReply) {
  return sendError(reply, 429, 'rate-limited', 'Too many invitation codes tried from here. Try again in 15 minutes.');
}

export function registerInvitationRoutes(app: FastifyInstance, store: Store, notifier: ChangeNotifier): void {
  const cohortRecords = async (cohortId: string) => ({
    cohort: (await store.findRecordsByToken(cohortToken(cohortId), 'cohorts')).find((r) => r.id === cohortId),
    sets: await store.findRecordsByToken(cohortToken(cohortId), 'learningSets'),
    members: (await store.findRecordsByToken(cohortAdminToken(cohortId), 'memberships')).flatMap((record) => {
      const parsed = membershipSchema.safeParse(record.doc);
      return parsed.success ? [parsed.data] : [];
    }),
  });

  app.post('/api/invitations', { preHandler: requireUser }, async (request, reply) => {
    const parsed = createInvitationBodySchema.safeParse(request.body);
    if (!parsed.success) return sendZodError(reply, parsed.error);
    const body = parsed.data;
    const user = currentUser(request);
    const access = await loadAccess(store, user);
    if (!access.coordinates.has(body.cohortId)) return sendError(reply, 403, 'forbidden', 'Only the cohort’s coordinators can invite people.');
    const { sets, members } = await cohortRecords(body.cohortId);
    if (body.role !== 'coach' && !sets.some((set) => set.id === body.setId && set.doc.deletedAt == null)) {
      return sendError(reply, 400, 'invalid-request', 'That set is not in this cohort.');
    }
    if (body.role === 'coach' && !members.some((m) => m.userId === body.coacheeId && m.role === 'participant' && isActiveMembership(m))) {
      return sendError(reply, 400, 'invalid-request', 'The person to coach must be an active participant in this cohort.');
    }
    const now = new Date();
    const code = generateInvitationCode();
    const invitation: Invitation = {
      id: newId(),
      codeHash: hashInvitationCode(code),
      cohortId: body.cohortId,
      role: body.role,
      setId: body.role === 'coach' ? null : body.setId,
      coacheeId: body.role === 'coach' ? body.coacheeId : null,
      displayName: body.displayName,
      email: body.email,
      createdBy: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + body.expiresInDays * DAY_MS).toISOString(),
      usedAt: null,
      usedBy: null,
      cancelledAt: null,
    };
    await store.createInvitation(invitation);
    const formatted = formatInvitationCode(code);
    const answer: CreatedInvitation = { invitation: toInvitationSummary(invitation, now), code: formatted, path: `/join/${formatted}` };
    return reply.code(201).header('cache-control', 'no-store').send(answer);
  });

  app.get('/api/cohorts/:cohortId/invitations', { preHandler: requireUser }, async (request, reply) => {
    const params = cohortParam.safeParse(request.params);
    if (!params.success) return sendZodError(reply, params.error);
    const access = await loadAccess(store, currentUser(request));
    if (!access.coordinates.has(params.data.cohortId)) return sendError(reply, 403, 'forbidden', 'Only the cohort’s coordinators can see its invitations.');
    const now = new Date();
    reply.header('cache-control', 'no-store');
    return { invitations: (await store.listInvitations(params.data.cohortId)).map((invitation) => toInvitationSummary(invitation, now)) };
  });

  app.delete('/api/invitations/:id', { preHandler: requireUser }, async (request, reply) => {
    const params = idParam.safeParse(request.params);
    if (!params.success) return sendZodError(reply, params.error);
    const invitation = await store.findInvitation(params.data.id);
    const access = await loadAccess(store, currentUser(request));
    if (!invitation || !access.coordinates.has(invitation.cohortId)) return sendError(reply, 404, 'not-found', 'No such invitation.');
    await store.cancelInvitation(invitation.id, new Date());
    return reply.code(204).send();
  });

  app.get('/api/invitations/preview', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const query = codeQuery.safeParse(request.query);
    if (!query.success) return sendZodError(reply, query.error);
    const now = new Date();
    if (!(await withinCodeLimit(store, request, now))) return tooMany(reply);
    const found = await findInvitationForCode(store, query.data.code, now);
    if (isRefusal(found)) return sendError(reply, found.status, found.code, found.error);
    const { cohort, sets, members } = await cohortRecords(found.cohortId);
    const preview: InvitationPreview = {
      cohortName: fieldText(cohort?.doc, 'name') ?? 'your cohort',
      setName: fieldText(sets.find((set) => set.id === found.setId)?.doc, 'name') ?? null,
      coacheeName: members.find((m) => m.userId === found.coacheeId && m.role === 'participant')?.displayName ?? null,
      role: found.role,
      displayName: found.displayName,
      email: found.email,
      expiresAt: found.expiresAt,
    };
    return preview;
  });

  /** Accepting with a new account: no session yet, so no CSRF token (like sign-in). */
  app.post('/api/invitations/accept', { config: { skipCsrf: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const parsed = acceptInvitationBodySchema.safeParse(request.body);
    if (!parsed.success) return sendZodError(reply, parsed.error);
    const body = parsed.data;
    const now = new Date();
    if (!(await withinCodeLimit(store, request, now))) return tooMany(reply);
    const found = await checkedInvitation(reply, body.code, body.role, now);
    if (!found) return reply;
    const password = newPasswordField.safeParse(body.password ?? '');
    if (!body.displayName || !body.email) return sendError(reply, 400, 'invalid-request', 'Enter your name and email to make your account.');
    if (!password.success) return sendZodError(reply, password.error);
    let user;
    try {
      user = await createAccount(store, { email: body.email, displayName: body.displayName, password: password.data, roles: ['participant'] });
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      return sendError(reply, 409, INVITATION_ERRORS.emailTaken, 'There is already an account for this email. Sign in first, then open the invitation again.');
    }
    const accepted = await accept(reply, found, user, now);
    if (!accepted) return reply;
    const { token, csrfToken } = await startSession(store, user.id);
    setSessionCookie(request, reply, token);
    const answer: SessionBody = { user: toAuthUser(user), csrfToken };
    return reply.code(201).send(answer);
  });

  /** Accepting with the account already signed in (someone joining a second cohort, or a coach). */
  app.post('/api/invitations/accept-signed-in', { preHandler: requireUser }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const parsed = acceptInvitationBodySchema.safeParse(request.body);
    if (!parsed.success) return sendZodError(reply, parsed.error);
    const now = new Date();
    if (!(await withinCodeLimit(store, request, now))) return tooMany(reply);
    const found = await checkedInvitation(reply, parsed.data.code, parsed.data.role, now);
    if (!found) return reply;
    const user = currentUser(request);
    if (!(await accept(reply, found, user, now))) return reply;
    return reply.code(201).send({ joined: true });
  });

  async function checkedInvitation(reply: FastifyReply, code: string, role: string, now: Date): Promise<Invitation | undefined> {
    const found = await findInvitationForCode(store, code, now);
    if (isRefusal(found)) {
      void sendError(reply, found.status, found.code, found.error);
      return undefined;
    }
    if (found.role !== role) {
      const words = MEMBER_ROLE_WORDS[found.role];
      void sendError(reply, 400, INVITATION_ERRORS.wrongRole, `This invitation is for a ${words}, not a ${role}. Check with your coordinator.`);
      return undefined;
    }
    return found;
  }

  async function accept(reply: FastifyReply, invitation: Invitation, user: { id: string; displayName: string }, now: Date): Promise<boolean> {
    try {
      const { touchedTokens } = await acceptInvitation(store, invitation, user, now);
      for (const token of touchedTokens) notifier.publish(token);
      return true;
    } catch (error) {
      if (!(error instanceof InvitationTakenError)) throw error;
      void sendError(reply, 410, INVITATION_ERRORS.used, 'This invitation has already been used. If that was you, sign in; otherwise ask your coordinator for a new one.');
      return false;
    }
  }
}
