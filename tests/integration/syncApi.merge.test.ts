// Merging over HTTP against real SQLite and PostgreSQL: per-field last-writer-wins whatever
// order batches arrive in, and stamps from a clock far in the future pulled back to the limit.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseHlc } from '../../src/domain/hlc';
import { MAX_CLOCK_AHEAD_MS } from '../../src/server/sync/clampClock';
import { newSyncServer, type SyncServer, type SyncUser } from './support/syncServer';
import { anHourAgo, batch, createEntry, DEVICE_A, DEVICE_B, editEntry, recordOf, stamp } from './support/syncRecords';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

describe.each(targets)('$name: merging pushed changes', (target) => {
  const servers: SyncServer[] = [];
  async function serverWithUser(): Promise<[SyncServer, SyncUser]> {
    const server = await newSyncServer(target);
    servers.push(server);
    const [user] = (await server.addUsers(1)) as [SyncUser];
    return [server, user];
  }
  afterEach(async () => {
    vi.useRealTimers();
    for (const server of servers.splice(0)) await server.close();
  });

  it('keeps the latest stamp per field, whichever order two devices’ batches arrive in', async () => {
    const t0 = anHourAgo();
    const [t1, t2, t3] = [t0 + 1_000, t0 + 2_000, t0 + 3_000];
    const entry = createEntry({ wallMs: t0, device: DEVICE_A });
    const fromA = batch([editEntry(entry.recordId, { body: ['A: the later rewrite', stamp(t2, DEVICE_A)] })], { deviceId: DEVICE_A });
    const fromB = batch(
      [
        editEntry(entry.recordId, {
          tags: [['questioning', 'Y4'], stamp(t3, DEVICE_B)],
          body: ['B: an older edit, made offline', stamp(t1, DEVICE_B)],
        }),
      ],
      { deviceId: DEVICE_B },
    );

    const results = [];
    for (const order of [
      [fromA, fromB],
      [fromB, fromA],
    ]) {
      const [server, user] = await serverWithUser();
      await server.pushOk(user, batch([entry]));
      for (const body of order) expect((await server.pushOk(user, body)).applied).toBe(true);
      const pulled = await server.pullAll(user);
      expect(pulled).toHaveLength(1);
      const record = recordOf(pulled, entry.recordId);
      expect(record).toMatchObject({ body: 'A: the later rewrite', tags: ['questioning', 'Y4'], owner: user.id });
      expect(record.clocks).toMatchObject({ body: stamp(t2, DEVICE_A), tags: stamp(t3, DEVICE_B), occurredAt: entry.hlc });
      const { owner: _owner, updatedAt: _updatedAt, ...content } = record;
      results.push(content);
    }
    // Two databases, two orders, one result (apart from the owner's id and the server's updatedAt).
    expect(results[1]).toEqual(results[0]);
  });

  it('an older stamp arriving later changes nothing and allocates no seq', async () => {
    const [server, user] = await serverWithUser();
    const t0 = anHourAgo();
    const entry = createEntry({ wallMs: t0 });
    await server.pushOk(user, batch([entry]));
    await server.pushOk(user, batch([editEntry(entry.recordId, { body: ['Newest.', stamp(t0 + 5_000, DEVICE_A)] })]));
    const { cursor } = await server.pullOk(user, 0);
    await server.pushOk(user, batch([editEntry(entry.recordId, { body: ['Stale.', stamp(t0 + 1_000, DEVICE_B)] })]));
    expect((await server.pullOk(user, cursor)).records).toEqual([]);
    expect(recordOf(await server.pullAll(user), entry.recordId).body).toBe('Newest.');
  });

  it('clamps a stamp from a year ahead to at most server time + 60 s; a later real edit still wins', async () => {
    const [server, user] = await serverWithUser();
    const entry = createEntry();
    await server.pushOk(user, batch([entry]));

    const future = stamp(Date.now() + YEAR_MS, 'tablet-clock-wrong', 3);
    const pushed = await server.pushOk(
      user,
      batch([editEntry(entry.recordId, { body: ['From the tablet whose clock says next year.', future] })], { deviceId: 'tablet-clock-wrong' }),
    );
    const stored = recordOf(await server.pullAll(user), entry.recordId);
    expect(stored.body).toBe('From the tablet whose clock says next year.');
    const clamped = parseHlc(stored.clocks.body ?? '');
    expect(clamped.wallMs).toBeLessThanOrEqual(pushed.serverTime + MAX_CLOCK_AHEAD_MS);
    expect(clamped.wallMs).toBeGreaterThan(pushed.serverTime); // pulled back to the limit, not further
    expect(clamped).toMatchObject({ counter: 3, node: 'tablet-clock-wrong' }); // still unique and ordered
    // Untouched fields keep their own stamps.
    expect(stored.clocks.tags).toBe(entry.hlc);

    // Within the minute the clamped stamp is still "ahead"; once real time passes the limit,
    // another device's ordinary edit stamped with the current time wins. Only Date is faked
    // (timers, sockets and the databases run for real): two minutes later.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(pushed.serverTime + 2 * MAX_CLOCK_AHEAD_MS);
    const now = Date.now();
    await server.pushOk(user, batch([editEntry(entry.recordId, { body: ['Laptop edit, right now.', stamp(now, DEVICE_B)] })], { deviceId: DEVICE_B }));
    const after = recordOf(await server.pullAll(user), entry.recordId);
    expect(after.body).toBe('Laptop edit, right now.');
    expect(after.clocks.body).toBe(stamp(now, DEVICE_B));
  });

  it('clamps the stamps of a whole new record created by a device a year ahead', async () => {
    const [server, user] = await serverWithUser();
    const wallMs = Date.now() + YEAR_MS;
    const entry = createEntry({ wallMs, device: 'tablet-clock-wrong' });
    const pushed = await server.pushOk(user, batch([entry]));
    const stored = recordOf(await server.pullAll(user), entry.recordId);
    for (const clock of Object.values(stored.clocks)) {
      expect(parseHlc(clock).wallMs).toBeLessThanOrEqual(pushed.serverTime + MAX_CLOCK_AHEAD_MS);
    }
    // A createdAt in the future is not believed either.
    expect(Date.parse(String(stored.createdAt))).toBeLessThanOrEqual(pushed.serverTime);
  });
});
