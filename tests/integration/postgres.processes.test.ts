// PostgreSQL only: several stateless server processes share one database. Two Store instances
// (two pools, as two processes would have) write concurrently while a third pulls with a
// cursor. The reader must end with every committed record exactly once: a seq allocated
// early but committed late must never be skipped by a cursor that already moved past it.
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/server/storage/Store';
import { jitter, postgresTarget, sleep } from './support/storeTargets';

const target = postgresTarget();
afterAll(() => target.cleanUp());

const TRANSACTIONS_PER_WRITER = 40;
/** Some transactions roll back after taking seqs: the gaps they leave must not confuse the reader. */
const rollsBack = (t: number): boolean => t % 7 === 3;
const KEPT_PER_WRITER = Array.from({ length: TRANSACTIONS_PER_WRITER }, (_, t) => t).filter((t) => !rollsBack(t)).length;

describe('postgres store: two server processes writing, one reading', () => {
  it('the reader sees every committed record exactly once, in seq order, skipping none', async () => {
    const database = await target.newDatabase();
    const [writerA, writerB, reader] = [database.open(), database.open(), database.open()];
    await Promise.all([writerA.migrate(), writerB.migrate(), reader.migrate()]);

    const committed = new Set<string>();
    const write = async (store: Store, name: string): Promise<void> => {
      for (let t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
        const ids = [`${name}-${t}-a`, `${name}-${t}-b`];
        const rollBack = rollsBack(t);
        try {
          await store.transaction(async (tx) => {
            for (const id of ids) {
              await tx.putRecord('logEntries', id, 'u1', { id, clocks: {} });
              await jitter(2); // Hold the allocated seq uncommitted for a moment.
            }
            if (rollBack) throw new Error('rolled back on purpose');
          });
          for (const id of ids) committed.add(id);
        } catch (error) {
          if (!rollBack) throw error;
        }
      }
    };

    let writing = true;
    let busyPulls = 0;
    const seen: { id: string; seq: number }[] = [];
    const read = async (): Promise<void> => {
      let cursor = 0;
      for (;;) {
        const lastPass = !writing; // Decided before pulling: nothing commits after this.
        const page = await reader.pullRecords('u1', cursor, 5);
        for (const record of page) seen.push({ id: record.id, seq: record.seq });
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

    // The reader really did read while the writers wrote (otherwise this proves little).
    expect(busyPulls).toBeGreaterThan(5);
    expect(committed.size).toBe(2 * KEPT_PER_WRITER * 2); // 2 writers × kept transactions × 2 records
    expect(seen.map((r) => r.id).sort()).toEqual([...committed].sort());
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.seq).toBeGreaterThan(seen[i - 1]?.seq ?? Infinity);
    expect(await reader.maxSeq()).toBe(seen.at(-1)?.seq);
  });
});
