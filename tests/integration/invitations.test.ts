// Invitations through the real routes: a coordinator invites; the invitee previews and accepts
// once, before it expires, with the role it carries; everything else is refused in words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVITATION_ERRORS, type CreatedInvitation, type InvitationPreview } from '../../src/domain/sets/cohortApi';
import { createCohortWorld, type CohortWorld } from './support/cohortWorld';
import { storeTargets } from './support/storeTargets';
import { newSyncServer, PASSWORD } from './support/syncServer';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

let addresses = 0;
/** Each request from its own address, so the per-address code limit only bites where tested. */
const fromNewAddress = () => `203.0.113.${(addresses++ % 250) + 1}`;

describe.each(targets)('$name: invitations', (target) => {
  let world: CohortWorld;
  beforeAll(async () => {
    world = await createCohortWorld(await newSyncServer(target));
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    await world.server.close();
  });

  async function invite(body: Record<string, unknown> = {}): Promise<CreatedInvitation> {
    const res = await world.server.send(world.users.coordinator, {
      method: 'POST',
      url: '/api/invitations',
      payload: { cohortId: world.cohortId, role: 'participant', setId: world.setA, displayName: 'Sam Lee', email: `sam-${addresses}@oakfield.sch.uk`, ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CreatedInvitation>();
  }

  const preview = (code: string) => world.server.app.inject({ method: 'GET', url: `/api/invitations/preview?code=${encodeURIComponent(code)}`, remoteAddress: fromNewAddress() });
  const accept = (body: Record<string, unknown>) => world.server.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: body, remoteAddress: fromNewAddress() });
  const newAccount = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    role: 'participant',
    displayName: 'Sam Lee',
    email: `sam-${Math.random().toString(36).slice(2)}@oakfield.sch.uk`,
    password: PASSWORD,
    ...extra,
  });

  it('makes a code a person can type, and a link; the invitee sees what they are joining', async () => {
    const created = await invite();
    expect(created.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(created.path).toBe(`/join/${created.code}`);
    expect(created.invitation.state).toBe('pending');
    const shown = await preview(created.code.toLowerCase().replace(/-/g, ' '));
    expect(shown.statusCode).toBe(200);
    expect(shown.json<InvitationPreview>()).toMatchObject({ cohortName: 'Northfield leaders 2026–27', setName: 'Set A — primary', role: 'participant', displayName: 'Sam Lee' });
  });

  it('accepting makes the account, signs it in and puts it in the set: it sees the set at once', async () => {
    const created = await invite();
    const res = await accept(newAccount(created.code));
    expect(res.statusCode, res.body).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'setwise_session');
    expect(cookie).toBeDefined();
    const { user, csrfToken } = res.json<{ user: { id: string }; csrfToken: string }>();
    const sam = { id: user.id, email: '', cookie: `setwise_session=${cookie?.value ?? ''}`, csrfToken };
    const records = await world.server.pullAll(sam);
    const membership = records.find((r) => r.table === 'memberships' && r.record.userId === user.id);
    expect(membership?.record).toMatchObject({ setId: world.setA, role: 'participant', status: 'active', displayName: 'Sam Lee' });
    expect(records.some((r) => r.table === 'learningSets' && r.record.id === world.setA)).toBe(true);
    // The coordinator's list shows it used.
    const list = await world.server.send(world.users.coordinator, { method: 'GET', url: `/api/cohorts/${world.cohortId}/invitations` });
    expect(list.json<{ invitations: { id: string; state: string }[] }>().invitations.find((i) => i.id === created.invitation.id)?.state).toBe('used');
  });

  it('refuses a used code, saying so, and makes no second membership', async () => {
    const created = await invite();
    expect((await accept(newAccount(created.code))).statusCode).toBe(201);
    const again = await accept(newAccount(created.code));
    expect(again.statusCode).toBe(410);
    expect(again.json()).toEqual({ code: INVITATION_ERRORS.used, error: expect.stringMatching(/already been used/) });
    expect((await preview(created.code)).json()).toMatchObject({ code: INVITATION_ERRORS.used });
  });

  it('refuses an expired code with the date it expired', async () => {
    const created = await invite({ expiresInDays: 1 });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 24 * 60 * 60 * 1000);
    try {
      const res = await accept(newAccount(created.code));
      expect(res.statusCode).toBe(410);
      expect(res.json()).toEqual({ code: INVITATION_ERRORS.expired, error: expect.stringMatching(/^This invitation expired on \d{1,2} [A-Z][a-z]+ \d{4}\. Ask your coordinator/) });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['a made-up code', 'K7QM-2XWP-9TRD-HC4B'],
    ['a code one character off', null],
    ['something that is not a code', 'hello'],
  ])('refuses %s as not matching any invitation', async (_what, given) => {
    const created = await invite();
    const last = created.code.at(-1) === '0' ? '1' : '0';
    const code = given ?? `${created.code.slice(0, -1)}${last}`;
    const res = await accept(newAccount(code));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: INVITATION_ERRORS.unknown, error: expect.stringMatching(/does not match any invitation/) });
  });

  it('refuses a code used for another role than it carries, and it stays usable for its own', async () => {
    const created = await invite({ role: 'facilitator' });
    const wrong = await accept(newAccount(created.code, { role: 'participant' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toEqual({ code: INVITATION_ERRORS.wrongRole, error: 'This invitation is for a facilitator, not a participant. Check with your coordinator.' });
    expect((await accept(newAccount(created.code, { role: 'facilitator' }))).statusCode).toBe(201);
  });

  it('refuses a cancelled code', async () => {
    const created = await invite();
    const cancel = await world.server.send(world.users.coordinator, { method: 'DELETE', url: `/api/invitations/${created.invitation.id}` });
    expect(cancel.statusCode).toBe(204);
    expect((await accept(newAccount(created.code))).json()).toMatchObject({ code: INVITATION_ERRORS.cancelled });
  });

  it('lets a signed-in person join with their own account (a coach taking on a participant)', async () => {
    const created = await invite({ role: 'coach', setId: null, coacheeId: world.users.peerA.id });
    const res = await world.server.send(world.users.outsider, { method: 'POST', url: '/api/invitations/accept-signed-in', payload: { code: created.code, role: 'coach' } });
    expect(res.statusCode, res.body).toBe(201);
    // peerA's coach-shared trial now reaches the new coach.
    const trialId = crypto.randomUUID();
    await world.write('peerA', 'trials', trialId, { what: 'Lesson study', why: '', withWhom: '', startDate: null, reviewDate: null, impactJudgement: '', challengeId: null, visibility: 'coach', status: 'planned', deletedAt: null });
    expect((await world.visibleTo('outsider')).has(trialId)).toBe(true);
  });

  it('refuses to make an account for an email that has one, and says to sign in', async () => {
    const created = await invite();
    const res = await accept(newAccount(created.code, { email: world.users.peerA.email }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: INVITATION_ERRORS.emailTaken, error: expect.stringMatching(/Sign in first/) });
    expect((await preview(created.code)).statusCode).toBe(200);
  });

  it('only a coordinator of the cohort can invite, and only into its own sets', async () => {
    const asFacilitator = await world.server.send(world.users.facilitatorA, {
      method: 'POST',
      url: '/api/invitations',
      payload: { cohortId: world.cohortId, role: 'participant', setId: world.setA, displayName: 'Sam', email: 'sam@oakfield.sch.uk' },
    });
    expect(asFacilitator.statusCode).toBe(403);
    const wrongSet = await world.server.send(world.users.coordinator, {
      method: 'POST',
      url: '/api/invitations',
      payload: { cohortId: world.cohortId, role: 'participant', setId: 'not-a-set', displayName: 'Sam', email: 'sam@oakfield.sch.uk' },
    });
    expect(wrongSet.statusCode).toBe(400);
    expect(wrongSet.json()).toMatchObject({ error: 'That set is not in this cohort.' });
  });

  it('limits guessing: 30 codes from one address in 15 minutes, then a clear refusal', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      answers.push((await world.server.app.inject({ method: 'GET', url: '/api/invitations/preview?code=K7QM-2XWP-9TRD-HC4B', remoteAddress: '192.0.2.77' })).statusCode);
    }
    expect(answers.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(answers[30]).toBe(429);
  });
});
