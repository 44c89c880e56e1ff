// GET /api/sync/pull over HTTP against real SQLite and PostgreSQL: paging, cursors the
// server cannot serve (409 resync-required), and the database's epoch across server instances.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { newSyncServer, startSyncServer, type SyncServer, type SyncUser } from './support/syncServer';
import { batch, createEntry, ids } from './support/syncRecords';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

describe.each(targets)('$name: pull', (target) => {
  const servers: SyncServer[] = [];
  async function serverWithUsers(count: number): Promise<[SyncServer, SyncUser[]]> {
    const server = await newSyncServer(target);
    servers.push(server);
    return [server, await server.addUsers(count)];
  }
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it('pages 25 entries 10 at a time: 10, 10, 5, cursors increasing, each id exactly once', async () => {
    const [server, [priya, tom]] = (await serverWithUsers(2)) as [SyncServer, [SyncUser, SyncUser]];
    const entries = Array.from({ length: 25 }, (_, n) => createEntry({ content: { body: `Entry ${n + 1}` } }));
    // Someone else's records interleaved in the seqs must not disturb the pages.
    await server.pushOk(priya, batch(entries.slice(0, 12)));
    await server.pushOk(tom, batch([createEntry(), createEntry()]));
    await server.pushOk(priya, batch(entries.slice(12)));

    const pages = [];
    let after = 0;
    for (let n = 0; n < 3; n++) {
      const page = await server.pullOk(priya, after, 10);
      pages.push(page);
      after = page.cursor;
    }
    expect(pages.map((p) => p.records.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    const cursors = pages.map((p) => p.cursor);
    expect(cursors[0]).toBeGreaterThan(0);
    expect(cursors[1]).toBeGreaterThan(cursors[0] ?? Infinity);
    expect(cursors[2]).toBeGreaterThan(cursors[1] ?? Infinity);
    for (const page of pages) expect(page.cursor).toBe(page.records.at(-1)?.seq);
    const seqs = pages.flatMap((p) => p.records.map((r) => r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(25);

    const pulledIds = pages.flatMap((p) => ids(p.records));
    expect(pulledIds).toHaveLength(25);
    expect([...pulledIds].sort()).toEqual(entries.map((e) => e.recordId).sort());
    expect(pages.flatMap((p) => p.records.map((r) => r.record.owner))).toEqual(Array(25).fill(priya.id));

    // Nothing after the last cursor.
    expect(await server.pullOk(priya, after, 10)).toMatchObject({ records: [], cursor: after, hasMore: false });
    // The default limit returns all 25 at once.
    expect((await server.pullOk(priya)).records).toHaveLength(25);
  });

  it('a page exactly as long as what is left says hasMore false', async () => {
    const [server, [priya]] = (await serverWithUsers(1)) as [SyncServer, [SyncUser]];
    await server.pushOk(priya, batch(Array.from({ length: 4 }, () => createEntry())));
    const first = await server.pullOk(priya, 0, 2);
    expect(first.hasMore).toBe(true);
    const second = await server.pullOk(priya, first.cursor, 2);
    expect(second).toMatchObject({ hasMore: false });
    expect(second.records).toHaveLength(2);
  });

  it('answers 409 resync-required to a cursor beyond the highest seq; the highest seq itself is fine', async () => {
    const [server, [priya]] = (await serverWithUsers(1)) as [SyncServer, [SyncUser]];
    await server.pushOk(priya, batch([createEntry(), createEntry(), createEntry()]));
    const maxSeq = await server.store.maxSeq();
    expect((await server.pullOk(priya, 0)).cursor).toBe(maxSeq);

    for (const after of [999_999, maxSeq + 1]) {
      const res = await server.pull(priya, after);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: expect.any(String), code: 'resync-required' });
    }
    expect(await server.pullOk(priya, maxSeq)).toMatchObject({ records: [], cursor: maxSeq, hasMore: false });
  });

  it('an empty server answers a pull from 0 with nothing; any later cursor needs a resync', async () => {
    const [server, [priya]] = (await serverWithUsers(1)) as [SyncServer, [SyncUser]];
    const page = await server.pullOk(priya, 0);
    expect(page).toEqual({
      epoch: expect.stringMatching(/^[0-9a-f]{32}$/),
      serverTime: expect.any(Number),
      records: [],
      revoked: [],
      cursor: 0,
      hasMore: false,
      access: expect.any(String),
      viewer: priya.id,
    });
    // No query at all means after=0.
    expect((await server.pull(priya)).statusCode).toBe(200);
    expect((await server.pull(priya, 1)).json()).toMatchObject({ code: 'resync-required' });
  });

  it('keeps one epoch for one database across server instances, and a new one for a new database', async () => {
    const [first, [priya]] = (await serverWithUsers(1)) as [SyncServer, [SyncUser]];
    const entry = createEntry();
    const { epoch } = await first.pushOk(priya, batch([entry]));
    expect((await first.pullOk(priya)).epoch).toBe(epoch);

    // A second server process on the same database, with its own newly opened store.
    const second = await startSyncServer(first.database);
    servers.push(second);
    const again = await second.signIn(priya.email);
    const page = await second.pullOk(again, 0);
    expect(page.epoch).toBe(epoch);
    expect(ids(page.records)).toEqual([entry.recordId]);
    // And after the first has stopped and the database is opened once more.
    await first.close();
    const third = await startSyncServer(first.database);
    servers.push(third);
    expect((await third.pushOk(await third.signIn(priya.email), batch([createEntry()]))).epoch).toBe(epoch);

    const [fresh, [someone]] = (await serverWithUsers(1)) as [SyncServer, [SyncUser]];
    const freshEpoch = (await fresh.pullOk(someone)).epoch;
    expect(freshEpoch).toMatch(/^[0-9a-f]{32}$/);
    expect(freshEpoch).not.toBe(epoch);
  });
});
