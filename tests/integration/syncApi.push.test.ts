// POST /api/sync/push over HTTP against real SQLite and PostgreSQL: a new entry round-trips,
// a replayed batch is applied once, updates keep one copy, other people's records are refused,
// and a batch is applied all or nothing.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logEntrySchema } from '../../src/domain/logEntry';
import { newSyncServer, snapshot, type SyncServer, type SyncUser } from './support/syncServer';
import { anHourAgo, batch, createEntry, DEVICE_A, DEVICE_B, editEntry, ids, newId, recordOf, stamp } from './support/syncRecords';
import { storeTargets } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

describe.each(targets)('$name: push', (target) => {
  let server: SyncServer;
  let priya: SyncUser;
  let tom: SyncUser;
  beforeEach(async () => {
    server = await newSyncServer(target);
    [priya, tom] = (await server.addUsers(2)) as [SyncUser, SyncUser];
  });
  afterEach(async () => server.close());

  it('stores a new entry, owned by the pusher whatever owner the client sent, and pull returns it', async () => {
    const before = Date.now();
    const entry = createEntry({ extra: { owner: 'someone-else', id: 'forged-id', updatedAt: '2001-01-01T00:00:00.000Z' } });
    const res = await server.push(priya, batch([entry]));
    expect(res.statusCode).toBe(200);
    const answer = res.json<{ applied: boolean; epoch: string; serverTime: number }>();
    expect(answer).toEqual({ applied: true, rejected: [], epoch: expect.stringMatching(/^[0-9a-f]{32}$/), serverTime: expect.any(Number) });
    expect(answer.serverTime).toBeGreaterThanOrEqual(before);
    expect(answer.serverTime).toBeLessThanOrEqual(Date.now());

    const page = await server.pullOk(priya, 0);
    expect(page.epoch).toBe(answer.epoch);
    expect(page.records).toHaveLength(1);
    const [pulled] = page.records;
    expect(pulled?.table).toBe('logEntries');
    expect(pulled?.seq).toBeGreaterThan(0);
    expect(page.cursor).toBe(pulled?.seq);
    expect(page.hasMore).toBe(false);

    const record = recordOf(page.records, entry.recordId);
    const { owner: _owner, id: _id, updatedAt: _updatedAt, ...sent } = entry.fields;
    expect(record).toMatchObject({ ...sent, id: entry.recordId, owner: priya.id });
    expect(record.updatedAt).not.toBe('2001-01-01T00:00:00.000Z');
    expect(logEntrySchema.safeParse(record).success).toBe(true);
    // Every content field keeps the stamp it was written with; identity fields have none.
    const contentFields = Object.keys(entry.fields).filter((f) => !['id', 'owner', 'createdAt', 'updatedAt'].includes(f));
    expect(Object.keys(record.clocks).sort()).toEqual(contentFields.sort());
    for (const field of contentFields) expect(record.clocks[field]).toBe(entry.hlc);
    // Nobody else sees it.
    expect((await server.pullOk(tom, 0)).records).toEqual([]);
  });

  it('applies a replayed batch (same batchId) once: applied false, no new seq', async () => {
    const body = batch([createEntry(), createEntry()]);
    expect((await server.pushOk(priya, body)).applied).toBe(true);
    const first = await server.pullOk(priya, 0);
    expect(first.records).toHaveLength(2);
    const maxSeq = await server.store.maxSeq();

    const replay = await server.pushOk(priya, body);
    expect(replay.applied).toBe(false);
    expect(replay.epoch).toBe(first.epoch);
    const after = await server.pullOk(priya, first.cursor);
    expect(after).toMatchObject({ records: [], cursor: first.cursor, hasMore: false });
    expect(await server.store.maxSeq()).toBe(maxSeq);

    // The same changes under a new batch id are already known: accepted, but no new seq.
    expect((await server.pushOk(priya, batch(body.mutations))).applied).toBe(true);
    expect((await server.pullOk(priya, first.cursor)).records).toEqual([]);
    expect(await server.store.maxSeq()).toBe(maxSeq);
  });

  it('a record updated twice appears once in a pull from 0, at its latest seq', async () => {
    const t0 = anHourAgo();
    const entry = createEntry({ wallMs: t0 });
    const other = createEntry({ wallMs: t0 });
    await server.pushOk(priya, batch([entry, other]));
    const afterCreate = await server.pullOk(priya, 0);
    await server.pushOk(priya, batch([editEntry(entry.recordId, { body: ['Second thoughts.', stamp(t0 + 1000, DEVICE_A)] })]));
    await server.pushOk(priya, batch([editEntry(entry.recordId, { tags: [['phonics', 'KS1'], stamp(t0 + 2000, DEVICE_B)] })]));

    const page = await server.pullOk(priya, 0);
    expect(ids(page.records).sort()).toEqual([entry.recordId, other.recordId].sort());
    const updated = page.records.find((r) => r.record.id === entry.recordId);
    expect(updated?.seq).toBe(page.cursor);
    expect(updated?.seq).toBeGreaterThan(afterCreate.cursor);
    expect(updated?.record).toMatchObject({ body: 'Second thoughts.', tags: ['phonics', 'KS1'] });
    // Seqs in a page are strictly increasing.
    expect(page.records.map((r) => r.seq)).toEqual(page.records.map((r) => r.seq).sort((a, b) => a - b));
    // Only the changed record comes after the earlier cursor.
    expect(ids((await server.pullOk(priya, afterCreate.cursor)).records)).toEqual([entry.recordId]);
  });

  it('applies a batch sent several times at once (a retry racing the first attempt) exactly once', async () => {
    const body = batch([createEntry(), createEntry()]);
    const answers = await Promise.all(Array.from({ length: 5 }, () => server.pushOk(priya, body)));
    expect(answers.filter((a) => a.applied)).toHaveLength(1);
    const pulled = await server.pullAll(priya);
    expect(ids(pulled).sort()).toEqual(body.mutations.map((m) => m.recordId).sort());
    expect(await server.store.maxSeq()).toBe(pulled.at(-1)?.seq);
  });

  it('merges a creation and an edit of one record in one batch into one record; a tombstone syncs like a field', async () => {
    const t0 = anHourAgo();
    const entry = createEntry({ wallMs: t0 });
    const edit = editEntry(entry.recordId, { body: ['Edited before the first push.', stamp(t0 + 10, DEVICE_A)] });
    await server.pushOk(priya, batch([entry, edit]));
    let pulled = await server.pullAll(priya);
    expect(pulled).toHaveLength(1);
    expect(recordOf(pulled, entry.recordId).body).toBe('Edited before the first push.');

    const deletedAt = new Date(t0 + 20).toISOString();
    await server.pushOk(priya, batch([editEntry(entry.recordId, { deletedAt: [deletedAt, stamp(t0 + 20, DEVICE_B)] })]));
    pulled = await server.pullAll(priya);
    expect(recordOf(pulled, entry.recordId)).toMatchObject({ deletedAt, body: 'Edited before the first push.' });
    expect(logEntrySchema.safeParse(recordOf(pulled, entry.recordId)).success).toBe(true);
  });

  it("refuses a change to someone else's record, saying why, and still applies the rest of the batch", async () => {
    const priyas = createEntry();
    await server.pushOk(priya, batch([priyas]));
    const priyaBefore = await snapshot(server, priya);

    const tomsNew = createEntry({ device: DEVICE_B });
    const intrusion = editEntry(priyas.recordId, { body: ['Overwritten by Tom.', stamp(Date.now(), DEVICE_B)] });
    const answer = await server.pushOk(tom, batch([tomsNew, intrusion], { deviceId: DEVICE_B }));
    expect(answer.rejected).toEqual([
      { mutationId: intrusion.mutationId, table: 'logEntries', recordId: priyas.recordId, reason: expect.stringMatching(/someone else/) },
    ]);

    expect((await snapshot(server, priya)).records).toEqual(priyaBefore.records);
    expect(recordOf(await server.pullAll(priya), priyas.recordId).body).toBe(priyas.fields.body);

    // A whole new record under Priya's id is refused the same way.
    const copy = createEntry({ recordId: priyas.recordId, device: DEVICE_B });
    expect((await server.pushOk(tom, batch([copy]))).rejected.map((r) => r.recordId)).toEqual([priyas.recordId]);

    // Tom's own records reach him; Priya's never do.
    expect(ids(await server.pullAll(tom))).toEqual([tomsNew.recordId]);
    expect(ids(await server.pullAll(priya))).toEqual([priyas.recordId]);
  });

  it.each([
    { problem: 'an unknown template (no-such-template)', content: { template: 'no-such-template' }, field: 'template' },
    { problem: 'a body that is not a string', content: { body: 42 }, field: 'body' },
  ])('refuses a batch with $problem whole (400), without recording its batch id', async ({ content, field }) => {
    const good = createEntry();
    const bad = createEntry({ content: content as never });
    const body = batch([good, bad]);
    const before = await snapshot(server, priya);

    const res = await server.push(priya, body);
    expect(res.statusCode).toBe(400);
    const answer = res.json<{ error: string; code: string }>();
    expect(answer.code).toBe('invalid-request');
    expect(answer.error).toContain(`logEntries ${bad.recordId}`);
    expect(answer.error).toContain(`${field}:`);
    expect(await snapshot(server, priya)).toEqual(before);

    // The same batch id, corrected, is applied: the refused attempt was not recorded.
    const fixed = createEntry({ recordId: bad.recordId });
    const retry = await server.pushOk(priya, { ...body, mutations: [good, fixed] });
    expect(retry.applied).toBe(true);
    expect(ids(await server.pullAll(priya)).sort()).toEqual([good.recordId, bad.recordId].sort());
  });

  it('refuses an edit that would make a stored record invalid, leaving it as it was', async () => {
    const entry = createEntry();
    await server.pushOk(priya, batch([entry]));
    const before = await snapshot(server, priya);
    const res = await server.push(priya, batch([editEntry(entry.recordId, { occurredAt: ['yesterday', stamp(Date.now(), DEVICE_A)] })]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringContaining('occurredAt'), code: 'invalid-request' });
    expect(await snapshot(server, priya)).toEqual(before);
  });

  it('refuses a first mutation for an unknown record that lacks required fields', async () => {
    const partial = editEntry(newId(), { body: ['Only a body.', stamp(Date.now(), DEVICE_A)] });
    const res = await server.push(priya, batch([partial]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: expect.stringContaining('occurredAt'), code: 'invalid-request' });
    expect(await snapshot(server, priya)).toEqual({ maxSeq: 0, records: [] });
  });
});
