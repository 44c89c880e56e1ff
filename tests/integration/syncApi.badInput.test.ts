// Requests the sync API must refuse, against real SQLite and PostgreSQL: each gets the right
// status and a JSON error a person can act on, and afterwards a pull shows nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/domain/sync/protocol';
import { PUSH_BODY_LIMIT } from '../../src/server/sync/registerSyncRoutes';
import { newSyncServer, snapshot, type SyncServer, type SyncUser } from './support/syncServer';
import { batch, createEntry, DEVICE_A, editEntry, stamp } from './support/syncRecords';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

type Expected = { status: number; code?: string; error: RegExp };
type Case = { name: string; send: (server: SyncServer, priya: SyncUser, tom: SyncUser) => ReturnType<SyncServer['push']> } & Expected;

const invalid = (error: RegExp): Expected => ({ status: 400, code: 'invalid-request', error });
/** A valid one-entry batch with `change` applied to the parsed body. */
const withBatch = (change: (body: Record<string, unknown>, mutation: Record<string, unknown>) => void): unknown => {
  const body = JSON.parse(JSON.stringify(batch([createEntry()]))) as Record<string, unknown>;
  change(body, (body.mutations as Record<string, unknown>[])[0] ?? {});
  return body;
};

const pushCases: Case[] = [
  {
    name: 'malformed JSON',
    send: (s, priya) => s.push(priya, '{"batchId": "b1", "mutations": ['),
    status: 400,
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    error: /not valid JSON/,
  },
  { name: 'a missing batchId', send: (s, p) => s.push(p, withBatch((b) => delete b.batchId)), ...invalid(/^batchId: /) },
  { name: 'a missing deviceId', send: (s, p) => s.push(p, withBatch((b) => delete b.deviceId)), ...invalid(/^deviceId: /) },
  { name: 'no mutations', send: (s, p) => s.push(p, withBatch((b) => (b.mutations = []))), ...invalid(/^mutations: .*1/) },
  {
    name: `${MAX_MUTATIONS_PER_PUSH + 1} mutations`,
    send: (s, p) => s.push(p, batch(Array.from({ length: MAX_MUTATIONS_PER_PUSH + 1 }, () => createEntry()))),
    ...invalid(new RegExp(`^mutations: .*${MAX_MUTATIONS_PER_PUSH}`)),
  },
  { name: "table 'users'", send: (s, p) => s.push(p, withBatch((_b, m) => (m.table = 'users'))), ...invalid(/^mutations\.0\.table: /) },
  {
    name: "a recordId with '/'",
    send: (s, p) => s.push(p, withBatch((_b, m) => (m.recordId = '../users/1'))),
    ...invalid(/^mutations\.0\.recordId: Not an id/),
  },
  {
    name: 'a field without its clock',
    send: (s, p) => s.push(p, withBatch((_b, m) => delete (m.clocks as Record<string, unknown>).body)),
    ...invalid(/^mutations\.0\.clocks: Every changed field needs its clock stamp/),
  },
  {
    name: 'a clock that is not a stamp',
    send: (s, p) => s.push(p, withBatch((_b, m) => ((m.clocks as Record<string, unknown>).body = '2026-05-14T09:30:00Z'))),
    ...invalid(/^mutations\.0\.clocks\.body: Not a clock stamp/),
  },
  { name: 'a JSON array', send: (s, p) => s.push(p, '[]'), ...invalid(/^body: /) },
  {
    name: 'a body over 4 MiB',
    send: (s, p) => s.push(p, batch([createEntry({ content: { body: 'x'.repeat(PUSH_BODY_LIMIT) } })])),
    status: 413,
    code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    error: /too large \(the limit is 4 MiB\)/,
  },
  {
    name: 'an entry too long for its schema (within the body limit)',
    send: (s, p) => s.push(p, batch([createEntry({ content: { body: 'x'.repeat(100_001) } })])),
    ...invalid(/body: This entry is too long to save in one piece — split it in two\.$/),
  },
  {
    // PostgreSQL's jsonb cannot hold these; both databases must refuse them as a client error
    // (a 500 would make the device retry the same batch for ever).
    name: 'a NUL character in a field',
    send: (s, p) => s.push(p, batch([createEntry({ content: { body: 'before\u0000after' } })])),
    ...invalid(/NUL character or a broken UTF-16 surrogate/),
  },
  {
    name: 'an unpaired UTF-16 surrogate in a field',
    send: (s, p) => s.push(p, batch([createEntry({ content: { tags: ['\ud800'] } })])),
    ...invalid(/NUL character or a broken UTF-16 surrogate/),
  },
  {
    name: 'a __proto__ field',
    send: (s, p) => s.push(p, JSON.stringify(batch([createEntry()])).replace('"fields":{', '"fields":{"__proto__":{"owner":"x"},')),
    status: 400,
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    error: /not valid JSON/,
  },
  { name: 'no session', send: (s) => s.push(undefined, batch([createEntry()])), status: 401, code: 'unauthenticated', error: /Sign in/ },
  {
    name: 'a session but no x-setwise-csrf header',
    send: (s, p) => s.push(p, batch([createEntry()]), { csrf: false }),
    status: 403,
    code: 'csrf',
    error: /could not be checked/,
  },
  {
    name: "another person's CSRF token",
    send: (s, p, tom) => s.push(p, batch([createEntry()]), { csrfToken: tom.csrfToken }),
    status: 403,
    code: 'csrf',
    error: /could not be checked/,
  },
  {
    name: 'an Origin of another site',
    send: (s, p) => s.push(p, batch([createEntry()]), { origin: 'https://evil.example' }),
    status: 403,
    code: 'origin',
    error: /another website/,
  },
];

const pullCases: Case[] = [
  { name: 'after=-1', send: (s, p) => s.pull(p, -1), ...invalid(/^after: /) },
  { name: 'after=abc', send: (s, p) => s.pull(p, 'abc'), ...invalid(/^after: /) },
  { name: 'after=1e20 (beyond safe integers)', send: (s, p) => s.pull(p, '1e20'), ...invalid(/^after: /) },
  { name: 'after=1.5', send: (s, p) => s.pull(p, 1.5), ...invalid(/^after: /) },
  { name: 'limit=0', send: (s, p) => s.pull(p, 0, 0), ...invalid(/^limit: /) },
  { name: 'limit=5000', send: (s, p) => s.pull(p, 0, 5000), ...invalid(/^limit: .*1000/) },
  { name: 'no session', send: (s) => s.pull(undefined, 0), status: 401, code: 'unauthenticated', error: /Sign in/ },
];

describe.each(targets)('$name: refused requests', (target) => {
  let server: SyncServer;
  let priya: SyncUser;
  let tom: SyncUser;
  let entryId: string;
  beforeAll(async () => {
    server = await newSyncServer(target);
    [priya, tom] = (await server.addUsers(2)) as [SyncUser, SyncUser];
    const entry = createEntry();
    entryId = entry.recordId;
    await server.pushOk(priya, batch([entry]));
  });
  afterAll(async () => server.close());

  async function expectRefused(res: Awaited<ReturnType<SyncServer['push']>>, expected: Expected): Promise<void> {
    expect(res.statusCode, res.body).toBe(expected.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ error: string; code?: string }>();
    expect(Object.keys(body).sort()).toEqual(expected.code ? ['code', 'error'] : ['error']);
    expect(body.code).toBe(expected.code);
    expect(body.error).toMatch(expected.error);
  }

  it.each([...pushCases.map((c) => ({ ...c, name: `push: ${c.name}` })), ...pullCases.map((c) => ({ ...c, name: `pull: ${c.name}` }))])(
    '$name → $status, nothing changed',
    async (testCase) => {
      const before = await snapshot(server, priya);
      const tomBefore = await snapshot(server, tom);
      await expectRefused(await testCase.send(server, priya, tom), testCase);
      expect(await snapshot(server, priya)).toEqual(before);
      expect(await snapshot(server, tom)).toEqual(tomBefore);
    },
  );

  it('an invalid mutation among valid ones names the record and the field', async () => {
    const before = await snapshot(server, priya);
    const good = createEntry();
    const bad = editEntry(entryId, { tags: [['x'.repeat(41)], stamp(Date.now(), DEVICE_A)] });
    const res = await server.push(priya, batch([good, bad]));
    await expectRefused(res, invalid(new RegExp(`logEntries ${entryId} is not valid: tags\\.0: A tag can be at most 40 characters`)));
    expect(await snapshot(server, priya)).toEqual(before);
  });

  it('after all that, the server still takes a valid push', async () => {
    const entry = createEntry();
    expect((await server.pushOk(priya, batch([entry]))).applied).toBe(true);
    expect((await server.pullAll(priya)).map((r) => r.record.id)).toContain(entry.recordId);
  });
});
