// GET /api/sync/events (server-sent events) on a real listening server, read with Node's
// fetch, against real SQLite and PostgreSQL: a person's open devices hear about their own
// pushes only.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newSyncServer, startSyncServer, type SyncServer, type SyncUser } from './support/syncServer';
import { createCohortWorld, type CohortWorld } from './support/cohortWorld';
import { batch, createEntry, entryContent } from './support/syncRecords';
import { postgresTarget, storeTargets, TEST_DATABASE_URL } from './support/storeTargets';

const targets = storeTargets();
const processes = postgresTarget();
afterAll(async () => {
  for (const target of [...targets, processes]) await target.cleanUp();
});

/** An open event stream: everything received so far, and a way to wait for more. */
type EventStream = { text: () => string; waitFor: (needle: string, fromIndex: number, ms: number) => Promise<boolean>; close: () => Promise<void> };

async function openEvents(baseUrl: string, user: SyncUser): Promise<EventStream & { status: number; contentType: string | null }> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/sync/events`, { headers: { cookie: user.cookie }, signal: abort.signal });
  if (!res.body) throw new Error('event stream has no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let received = '';
  let wake: (() => void) | undefined;
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += decoder.decode(value, { stream: true });
        wake?.();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    text: () => received,
    async waitFor(needle, fromIndex, ms) {
      const deadline = Date.now() + ms;
      while (!received.includes(needle, fromIndex)) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return true;
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
}

describe.each(targets)('$name: change events', (target) => {
  let server: SyncServer | undefined;
  const streams: EventStream[] = [];
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.close();
    await server?.close();
  });

  it("tells a person's open device about their own push within 2 s, and not about anyone else's", async () => {
    server = await newSyncServer(target);
    const [priya, tom] = (await server.addUsers(2)) as [SyncUser, SyncUser];
    const address = await server.app.listen({ host: '127.0.0.1', port: 0 });

    const unauthenticated = await fetch(`${address}/api/sync/events`);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ code: 'unauthenticated' });

    const stream = await openEvents(address, priya);
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toBe('text/event-stream');
    expect(await stream.waitFor('retry: 5000', 0, 2_000)).toBe(true);

    // Someone else's push: nothing for Priya.
    let seen = stream.text().length;
    await server.pushOk(tom, batch([createEntry()]));
    expect(await stream.waitFor('event: change', seen, 500)).toBe(false);

    // Her own push (from another device, over the same API): "change" within 2 s.
    seen = stream.text().length;
    const started = Date.now();
    const body = batch([createEntry()]);
    await server.pushOk(priya, body);
    expect(await stream.waitFor('event: change', seen, 2_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stream.text().slice(seen)).toMatch(/^event: change\ndata: \{\}\n\n/);

    // A replayed batch changes nothing, so it announces nothing.
    seen = stream.text().length;
    expect((await server.pushOk(priya, body)).applied).toBe(false);
    expect(await stream.waitFor('event: change', seen, 500)).toBe(false);
  });
});

describe('postgres: change events across server processes', () => {
  const servers: SyncServer[] = [];
  const streams: EventStream[] = [];
  afterAll(async () => {
    for (const stream of streams) await stream.close();
    for (const server of servers) await server.close();
  });

  it('a push to one process reaches a device listening on another (LISTEN/NOTIFY), for that person only', async () => {
    const database = await processes.newDatabase();
    const one = await startSyncServer(database, { databaseUrl: TEST_DATABASE_URL });
    servers.push(one);
    const two = await startSyncServer(database, { databaseUrl: TEST_DATABASE_URL });
    servers.push(two);
    const [priya, tom] = (await one.addUsers(2)) as [SyncUser, SyncUser];
    const priyaOnTwo = await two.signIn(priya.email);
    const stream = await openEvents(await two.app.listen({ host: '127.0.0.1', port: 0 }), priyaOnTwo);
    streams.push(stream);
    expect(await stream.waitFor('retry: 5000', 0, 2_000)).toBe(true);

    let seen = stream.text().length;
    await one.pushOk(tom, batch([createEntry()]));
    expect(await stream.waitFor('event: change', seen, 500)).toBe(false);

    seen = stream.text().length;
    await one.pushOk(priya, batch([createEntry()]));
    expect(await stream.waitFor('event: change', seen, 2_000)).toBe(true);
    expect((await two.pullOk(priyaOnTwo, 0)).records).toHaveLength(1);
  });
});

describe.each(targets)('$name: change events follow sharing', (target) => {
  let world: CohortWorld | undefined;
  const streams: EventStream[] = [];
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.close();
    await world?.server.close();
  });

  it('a member hears about what is shared with their set, not about private writing; a new member starts hearing at once', async () => {
    world = await createCohortWorld(await newSyncServer(target));
    const address = await world.server.app.listen({ host: '127.0.0.1', port: 0 });
    const peer = await openEvents(address, world.users.peerA);
    const outsider = await openEvents(address, world.users.outsider);
    streams.push(peer, outsider);
    expect(await peer.waitFor('retry: 5000', 0, 2_000)).toBe(true);
    expect(await outsider.waitFor('retry: 5000', 0, 2_000)).toBe(true);

    let seen = peer.text().length;
    await world.write('ownerA', 'logEntries', crypto.randomUUID(), { ...entryContent({ visibility: 'private' }) });
    expect(await peer.waitFor('event: change', seen, 500)).toBe(false);

    seen = peer.text().length;
    await world.write('ownerA', 'logEntries', crypto.randomUUID(), { ...entryContent({ visibility: 'set' }) });
    expect(await peer.waitFor('event: change', seen, 2_000)).toBe(true);

    // The outsider joins set A while their stream is open: the set's next meeting reaches them.
    let outsiderSeen = outsider.text().length;
    await world.write('coordinator', 'memberships', crypto.randomUUID(), {
      cohortId: world.cohortId,
      userId: world.users.outsider.id,
      displayName: 'Test outsider',
      role: 'participant',
      setId: world.setA,
      coacheeId: null,
      status: 'active',
      withdrawnOn: null,
      deletedAt: null,
    });
    expect(await outsider.waitFor('event: change', outsiderSeen, 2_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    outsiderSeen = outsider.text().length;
    await world.write('facilitatorA', 'meetings', crypto.randomUUID(), {
      setId: world.setA,
      heldOn: '2026-12-01',
      place: '',
      attendance: {},
      checkIn: '',
      sharedLearning: '',
      roundMinutes: 20,
      stage: 'check_in',
      deletedAt: null,
    });
    expect(await outsider.waitFor('event: change', outsiderSeen, 2_000)).toBe(true);
  });
});
