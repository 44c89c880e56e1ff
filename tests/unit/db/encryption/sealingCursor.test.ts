// @vitest-environment node
import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createSealingMiddleware } from '../../../../src/app/db/encryption/createSealingMiddleware';
import { createDeviceKeyring } from '../../../../src/app/db/encryption/deviceKeyring';

/**
 * Like a browser's IDBCursor: its members check that they are called on the cursor itself
 * (private fields stand in for the browser's brand checks, which throw "Illegal invocation").
 * fake-indexeddb's cursors do not check, so this is what catches a wrapper that forwards
 * calls on the wrong object.
 */
class BrandCheckedCursor {
  readonly #rows: Record<string, unknown>[];
  #at = 0;
  readonly trans = {} as DBCoreCursor['trans'];
  done = false;
  constructor(rows: Record<string, unknown>[]) {
    this.#rows = rows;
  }
  get key(): unknown {
    return this.#rows[this.#at]?.id;
  }
  get primaryKey(): unknown {
    return this.#rows[this.#at]?.id;
  }
  get value(): unknown {
    return this.#rows[this.#at];
  }
  continue(): void {
    this.#at += 1;
    this.done = this.#at >= this.#rows.length;
  }
  continuePrimaryKey(): void {
    this.continue();
  }
  advance(count: number): void {
    for (let step = 0; step < count; step += 1) this.continue();
  }
  start(): Promise<unknown> {
    return Promise.resolve(this.#at);
  }
  stop(): void {}
  next(): Promise<DBCoreCursor> {
    return Promise.resolve(this as unknown as DBCoreCursor);
  }
  fail(): void {}
}

function tableOver(rows: Record<string, unknown>[]): DBCoreTable {
  return {
    name: 'logEntries',
    schema: { name: 'logEntries', primaryKey: { name: '', keyPath: 'id', extractKey: () => undefined } as never, indexes: [], getIndexByKeyPath: () => undefined },
    openCursor: async () => new BrandCheckedCursor(rows) as unknown as DBCoreCursor,
  } as unknown as DBCoreTable;
}

describe('cursors through the sealing middleware', () => {
  it('forwards every cursor member to the cursor itself, as a browser requires', async () => {
    const rows = [{ id: 'a', body: 'first' }, { id: 'b', body: 'second' }, { id: 'c', body: 'third' }];
    const down = { table: () => tableOver(rows) } as unknown as DBCore;
    const { create } = createSealingMiddleware(createDeviceKeyring('off'));
    if (!create) throw new Error('expected a middleware');
    const tableOf = create(down).table;
    if (!tableOf) throw new Error('expected tables');
    const cursor = await tableOf('logEntries').openCursor({ trans: {} as never, values: true, query: { index: { name: null } as never, range: { type: 3 } as never } });
    if (!cursor) throw new Error('expected a cursor');
    expect([cursor.key, cursor.primaryKey, cursor.value]).toEqual(['a', 'a', rows[0]]);
    cursor.continue();
    expect(cursor.value).toEqual(rows[1]);
    cursor.advance(1);
    expect(cursor.key).toBe('c');
    cursor.continuePrimaryKey('c', 'c');
    expect(cursor.done).toBe(true);
    expect(await cursor.next()).toBe(cursor);
  });
});
