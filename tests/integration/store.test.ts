// The Store contract for records, batches and transactions, run against SQLite and PostgreSQL
// alike (tests/integration/support/storeTargets.ts). A failing PostgreSQL connection fails
// every postgres test with a sentence saying so; nothing is skipped.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { UnstorableJsonError, type Store } from '../../src/server/storage/Store';
import { jitter, storeTargets, type TestDatabase } from './support/storeTargets';

const targets = storeTargets();
afterAll(async () => {
  for (const target of targets) await target.cleanUp();
});

const doc = (n: number): Record<string, unknown> => ({ id: `r${n}`, n, clocks: { n: `c${n}` } });

describe.each(targets)('$name store: migrations and epoch', (target) => {
  it('runs each migration once; running again changes nothing; a second store sees the same epoch', async () => {
    const database = await target.newDatabase();
    const store = await database.openMigrated();
    const epoch = await store.epoch();
    await store.migrate();
    await store.migrate();
    expect(await database.appliedMigrations()).toEqual([1, 2, 3]);

    const second = await database.openMigrated();
    expect(await second.epoch()).toBe(epoch);
    expect(await database.appliedMigrations()).toEqual([1, 2, 3]);
  });

  it('two processes migrating a new database at once: each migration runs once, one epoch', async () => {
    const database = await target.newDatabase();
    const [a, b] = [database.open(), database.open()];
    await Promise.all([a.migrate(), b.migrate()]);
    expect(await database.appliedMigrations()).toEqual([1, 2, 3]);
    expect(await a.epoch()).toBe(await b.epoch());
  });

  it('gives every new database its own random epoch', async () => {
    const first = await (await target.newDatabase()).openMigrated();
    const second = await (await target.newDatabase()).openMigrated();
    const [a, b] = [await first.epoch(), await second.epoch()];
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe.each(targets)('$name store: records and transactions', (target) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await target.newDatabase();
    store = await database.openMigrated();
  });

  const put = (table: 'logEntries' | 'trials', id: string, owner: string, body: Record<string, unknown>): Promise<number> =>
    store.transaction((tx) => tx.putRecord(table, id, owner, body));

  it('allocates increasing seqs, and maxSeq follows them from 0', async () => {
    expect(await store.maxSeq()).toBe(0);
    const seqs: number[] = [];
    for (let n = 1; n <= 5; n++) seqs.push(await put('logEntries', `r${n}`, 'u1', doc(n)));
    expect(seqs[0]).toBeGreaterThan(0);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? Infinity);
    expect(await store.maxSeq()).toBe(seqs.at(-1));
  });

  it('returns the stored doc exactly: nested objects, arrays, unicode, nulls, numbers', async () => {
    const body = {
      id: 'e1',
      note: 'Grüße, 日本語, עברית, e\u0301, emoji 👩🏽‍🏫 and "quotes" \\ backslash\nnewline',
      nothing: null,
      empty: '',
      emptyObject: {},
      emptyArray: [],
      numbers: { int: 42, negative: -7, float: 0.1 + 0.2, big: Number.MAX_SAFE_INTEGER, tiny: 5e-324 },
      flags: [true, false, null],
      nested: { level: { deeper: { list: [1, 'two', { three: [3] }], 'key with spaces & ünïcode': 'ok' } } },
      clocks: { note: '2024-05-01T10:00:00.000Z-0001-deviceA' },
    };
    const seq = await put('logEntries', 'e1', 'u1', body);
    const stored = await store.transaction((tx) => tx.getRecord('logEntries', 'e1'));
    // Deep equality; object key order is not kept by PostgreSQL's jsonb (nor needed).
    expect(stored).toStrictEqual({ table: 'logEntries', id: 'e1', owner: 'u1', doc: body, seq });
    expect(await store.transaction((tx) => tx.getRecord('trials', 'e1'))).toBeUndefined();
  });

  it('refuses NUL characters and broken surrogates on both databases alike, storing nothing', async () => {
    for (const bad of ['a\u0000b', 'half \uD83D pair', '\uDE00']) {
      await expect(put('logEntries', 'bad', 'u1', { note: bad })).rejects.toThrow(UnstorableJsonError);
      await expect(put('logEntries', 'bad', 'u1', { [bad]: 1 })).rejects.toThrow(UnstorableJsonError);
    }
    expect(await store.pullRecords('u1', 0, 10)).toEqual([]);
  });

  it('pulls only the owner’s records after the cursor, in seq order, at most limit', async () => {
    const mine: number[] = [];
    for (let n = 1; n <= 6; n++) {
      mine.push(await put('logEntries', `mine${n}`, 'u1', doc(n)));
      await put('trials', `theirs${n}`, 'u2', doc(n));
    }
    const page1 = await store.pullRecords('u1', 0, 4);
    expect(page1.map((r) => r.id)).toEqual(['mine1', 'mine2', 'mine3', 'mine4']);
    expect(page1.map((r) => r.seq)).toEqual(mine.slice(0, 4));
    expect(page1.every((r) => r.owner === 'u1' && r.table === 'logEntries')).toBe(true);

    const page2 = await store.pullRecords('u1', page1.at(-1)?.seq ?? 0, 4);
    expect(page2.map((r) => r.id)).toEqual(['mine5', 'mine6']);
    expect(await store.pullRecords('u1', mine.at(-1) ?? 0, 4)).toEqual([]);
    expect(await store.pullRecords('nobody', 0, 4)).toEqual([]);
    await expect(store.pullRecords('u1', -1, 4)).rejects.toThrow(RangeError);
    await expect(store.pullRecords('u1', 0, 0)).rejects.toThrow(RangeError);
  });

  it('lists a record updated twice once, at its latest seq, with its latest doc', async () => {
    await put('logEntries', 'a', 'u1', doc(1));
    const first = await put('logEntries', 'x', 'u1', { v: 1 });
    await put('logEntries', 'b', 'u1', doc(2));
    const second = await put('logEntries', 'x', 'u1', { v: 2 });
    const third = await put('logEntries', 'x', 'u1', { v: 3 });
    expect(first).toBeLessThan(second);
    expect(second).toBeLessThan(third);

    const pulled = await store.pullRecords('u1', 0, 100);
    expect(pulled.map((r) => r.id)).toEqual(['a', 'b', 'x']);
    expect(pulled.at(-1)).toMatchObject({ id: 'x', seq: third, doc: { v: 3 } });
    // A client whose cursor is past the first update still gets the latest one.
    expect((await store.pullRecords('u1', second, 100)).map((r) => r.seq)).toEqual([third]);
  });

  it('rolls back everything when the callback throws, and the next seq is still seen in order', async () => {
    const before = await put('logEntries', 'kept', 'u1', doc(1));
    const failure = new Error('validation failed half way');
    await expect(
      store.transaction(async (tx) => {
        await tx.putRecord('logEntries', 'lost1', 'u1', doc(2));
        await jitter();
        await tx.putRecord('logEntries', 'kept', 'u1', { overwritten: true });
        await tx.recordBatch('u1', 'batch-1', new Date());
        throw failure;
      }),
    ).rejects.toBe(failure);

    const check = await store.transaction(async (tx) => ({
      lost: await tx.getRecord('logEntries', 'lost1'),
      kept: await tx.getRecord('logEntries', 'kept'),
      batch: await tx.hasBatch('u1', 'batch-1'),
    }));
    expect(check).toEqual({ lost: undefined, kept: expect.objectContaining({ seq: before, doc: doc(1) }), batch: false });
    expect(await store.maxSeq()).toBe(before);

    const after = await put('logEntries', 'next', 'u1', doc(3));
    expect(after).toBeGreaterThan(before);
    expect(await store.maxSeq()).toBe(after);
    expect((await store.pullRecords('u1', before, 10)).map((r) => [r.id, r.seq])).toEqual([['next', after]]);
  });

  it('never lets another request read a transaction’s uncommitted writes while it awaits', async () => {
    let reachedGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const writing = store.transaction(async (tx) => {
      await tx.putRecord('logEntries', 'uncommitted', 'u1', doc(1));
      reachedGate();
      await gate;
      throw new Error('rolled back after a concurrent read');
    });
    await atGate;
    // SQLite: waits for the transaction (one connection); PostgreSQL: reads the last commit.
    const reads = Promise.all([store.pullRecords('u1', 0, 10), store.maxSeq()]);
    await jitter(5);
    openGate();
    await expect(writing).rejects.toThrow('rolled back after a concurrent read');
    expect(await reads).toEqual([[], 0]);
  });

  it('remembers applied batches per user; recording one twice is refused and rolls back', async () => {
    await store.transaction((tx) => tx.recordBatch('u1', 'b1', new Date('2024-05-01T10:00:00Z')));
    const seen = await store.transaction(async (tx) => [
      await tx.hasBatch('u1', 'b1'),
      await tx.hasBatch('u2', 'b1'),
      await tx.hasBatch('u1', 'b2'),
    ]);
    expect(seen).toEqual([true, false, false]);

    await store.transaction((tx) => tx.recordBatch('u2', 'b1', new Date()));
    await expect(
      store.transaction(async (tx) => {
        await tx.putRecord('logEntries', 'dup', 'u1', doc(1));
        await tx.recordBatch('u1', 'b1', new Date());
      }),
    ).rejects.toThrow();
    expect(await store.transaction((tx) => tx.getRecord('logEntries', 'dup'))).toBeUndefined();
    expect(await store.transaction((tx) => tx.hasBatch('u2', 'b1'))).toBe(true);
  });

  it('fails clearly instead of deadlocking when the store is used inside its own transaction', async () => {
    let leaked: Parameters<Parameters<Store['transaction']>[0]>[0] | undefined;
    await expect(
      store.transaction(async (tx) => {
        leaked = tx;
        await store.maxSeq();
      }),
    ).rejects.toThrow(/inside store\.transaction\(\); use the transaction's tx/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/inside store\.transaction/);
    await expect(leaked?.getRecord('logEntries', 'x')).rejects.toThrow(/already committed or rolled back/);
    // The store still works afterwards.
    expect(await put('logEntries', 'ok', 'u1', doc(1))).toBeGreaterThan(0);
  });

  it('runs 20 concurrent transactions one after another: unique seqs, rising in commit order, all pulled', async () => {
    const committed: number[][] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, t) => {
        const seqs = await store.transaction(async (tx) => {
          const mine: number[] = [];
          for (let r = 0; r < 3; r++) {
            await jitter();
            mine.push(await tx.putRecord('logEntries', `t${t}-r${r}`, 'u1', { t, r }));
            await tx.getRecord('logEntries', `t${t}-r${r}`);
          }
          await tx.recordBatch('u1', `batch-${t}`, new Date());
          return mine;
        });
        committed.push(seqs); // Resolution order is commit order: writers are serialised.
      }),
    );

    const inCommitOrder = committed.flat();
    expect(inCommitOrder).toHaveLength(60);
    expect(new Set(inCommitOrder).size).toBe(60);
    for (let i = 1; i < inCommitOrder.length; i++) {
      expect(inCommitOrder[i]).toBeGreaterThan(inCommitOrder[i - 1] ?? Infinity);
    }
    const pulled = await store.pullRecords('u1', 0, 1000);
    expect(pulled.map((r) => r.seq)).toEqual(inCommitOrder);
    expect(await store.maxSeq()).toBe(inCommitOrder.at(-1));
  });
});
