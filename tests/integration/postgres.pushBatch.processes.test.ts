// PostgreSQL only: batched pushes (decision 015) from two server processes on one database,
// while a third pulls with a cursor. Seqs are now allocated many at a time (putRecords); they
// must still commit in allocation order, so a cursor never skips a change — including pushes
// that roll back after some of their writes reached the database.
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc';
import type { Mutation } from '../../src/domain/sync/protocol';
import { loadAccess } from '../../src/server/access/loadAccess';
import type { Store } from '../../src/server/storage/Store';
import { applyPush } from '../../src/server/sync/applyPush';
import { InvalidMutationError } from '../../src/server/sync/validateRecord';
import { postgresTarget, sleep } from './support/storeTargets';

const target = postgresTarget();
afterAll(() => target.cleanUp());

const OWNER = { id: 'u1', roles: ['participant'] };
const PUSHES_PER_WRITER = 12;
const ENTRIES_PER_PUSH = 30;
/** These pushes fail on their last mutation, after a flush has written (and taken seqs for) some records. */
const rollsBack = (push: number): boolean => push % 5 === 2;

let clock = Date.now() - 60 * 60 * 1000;
function change(recordId: string, fields: Record<string, unknown>): Mutation {
  clock += 1;
  const hlc = formatHlc({ wallMs: clock, counter: 0, node: 'tablet' });
  const all = { ...fields, createdAt: new Date(clock).toISOString() };
  return { mutationId: `${recordId}-${clock}`, table: 'logEntries', recordId, fields: all, clocks: Object.fromEntries(Object.keys(all).map((f) => [f, hlc])), hlc };
}
const entry = (body: string) => ({ occurredAt: '2026-05-14T09:30:00.000Z', body, template: 'free', responses: {}, tags: [], visibility: 'private', deletedAt: null });

describe('postgres: batched pushes from two server processes, one reader', () => {
  it('the reader ends with the latest seq of every committed record, in seq order, skipping none', async () => {
    const database = await target.newDatabase();
    const [writerA, writerB, reader] = [database.open(), database.open(), database.open()];
    await Promise.all([writerA.migrate(), writerB.migrate(), reader.migrate()]);

    const write = async (store: Store, name: string): Promise<void> => {
      for (let push = 0; push < PUSHES_PER_WRITER; push++) {
        const mutations = Array.from({ length: ENTRIES_PER_PUSH }, (_, i) => change(`${name}-${push}-${i}`, entry(`Entry ${i}`)));
        // Sharing an entry of an earlier push changes its audience: the buffer flushes here.
        const earlier = Array.from({ length: push }, (_, p) => p).filter((p) => !rollsBack(p)).at(-1);
        if (earlier !== undefined) mutations.splice(10, 0, change(`${name}-${earlier}-0`, { visibility: 'set' }));
        if (rollsBack(push)) mutations.push(change(`${name}-${push}-empty`, {}));
        const applying = applyPush(store, await loadAccess(store, OWNER), { batchId: `${name}-${push}`, deviceId: name, mutations }, new Date());
        if (rollsBack(push)) await expect(applying).rejects.toThrow(InvalidMutationError);
        else expect((await applying).rejected).toEqual([]);
      }
    };

    let writing = true;
    let busyPulls = 0;
    const latest = new Map<string, number>();
    let previous = 0;
    const read = async (): Promise<void> => {
      let cursor = 0;
      for (;;) {
        const lastPass = !writing; // Decided before pulling: nothing commits after this.
        const page = await reader.pullRecords(OWNER.id, cursor, 25);
        for (const record of page) {
          expect(record.seq).toBeGreaterThan(previous);
          previous = record.seq;
          latest.set(record.id, record.seq);
        }
        cursor = page.at(-1)?.seq ?? cursor;
        if (page.length > 0 && !lastPass) busyPulls++;
        if (page.length === 0) {
          if (lastPass) return;
          await sleep(1);
        }
      }
    };

    const reading = read();
    await Promise.all([write(writerA, 'A'), write(writerB, 'B')]);
    writing = false;
    await reading;

    expect(busyPulls).toBeGreaterThan(5);
    const stored = new Map((await reader.pullRecords(OWNER.id, 0, 10_000)).map((record) => [record.id, record.seq]));
    const kept = Array.from({ length: PUSHES_PER_WRITER }, (_, push) => push).filter((push) => !rollsBack(push)).length;
    expect(stored.size).toBe(2 * kept * ENTRIES_PER_PUSH);
    expect([...stored.keys()].some((id) => id.endsWith('-empty'))).toBe(false);
    // Every record as the reader last saw it is the record as stored: no change was skipped.
    expect(new Map([...latest].sort())).toEqual(new Map([...stored].sort()));
  });
});
