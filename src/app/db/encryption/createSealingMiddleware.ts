import type { DBCore, DBCoreCursor, DBCoreKeyRange, DBCoreTable, Middleware } from 'dexie';
import { blindIndexValue } from './blindIndexValue';
import { DeviceLockedError, type DeviceKeyring } from './deviceKeyring';
import { openRow } from './openRow';
import { sealingPlanFor, type SealingPlan } from './sealingPlan';
import { sealRow } from './sealRow';

const EQUAL_RANGE = 1; // DBCoreRangeType.Equal (a const enum: not importable at run time)

/**
 * Encryption at rest as a Dexie DBCore middleware (docs/decisions/016): every row written is
 * sealed and every row read is opened, below Dexie's own caching and change tracking, so the
 * repositories, live queries and sync engine work with plain records and never know.
 * It sits at the lowest level (closest to IndexedDB): what reaches IndexedDB is ciphertext
 * plus the clear index values of the table's sealing plan.
 */
export function createSealingMiddleware(keyring: DeviceKeyring): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SetwiseSealing',
    level: -10,
    create(down) {
      return { ...down, table: (name: string) => sealingTable(down.table(name), keyring) };
    },
  };
}

function isClearRow(plan: SealingPlan, row: unknown): boolean {
  if (plan.clearRowKeys.size === 0 || plan.primaryKeyField === null) return false;
  const key = (row as Record<string, unknown> | null)?.[plan.primaryKeyField];
  return typeof key === 'string' && plan.clearRowKeys.has(key);
}

function sealingTable(table: DBCoreTable, keyring: DeviceKeyring): DBCoreTable {
  const plan = sealingPlanFor(table.schema);
  const open = (row: unknown) => (row === undefined ? row : openRow(row, plan, keyring.keys));
  const seal = (row: unknown) => {
    if (!keyring.sealsWrites || isClearRow(plan, row)) return row;
    const keys = keyring.keys;
    if (!keys) throw new DeviceLockedError();
    return sealRow(row, plan, keys);
  };
  // A query on a blind index looks for the token of the value, not the value.
  const translateRange = (indexName: string | null | undefined, range: DBCoreKeyRange): DBCoreKeyRange => {
    if (!indexName || !plan.blindFields.includes(indexName) || keyring.state === 'off') return range;
    const keys = keyring.keys;
    if (!keys) throw new DeviceLockedError();
    if (range.type !== EQUAL_RANGE) throw new Error(`The ${indexName} index of ${plan.table} only answers exact matches while a passcode is set.`);
    const token = blindIndexValue(range.lower, keys.blindKey);
    return { ...range, lower: token, upper: token };
  };
  // In a browser Dexie's cursor is the native IDBCursor with Dexie's additions, so its own
  // getters and methods (key, continue, advance…) must be called on it, never on a wrapper
  // ("Illegal invocation"): every member is delegated explicitly. Dexie may read the value
  // more than once per step: each position is opened once.
  const openCursor = (cursor: DBCoreCursor): DBCoreCursor => {
    let lastStored: unknown = undefined;
    let lastOpened: unknown = undefined;
    const wrapped: DBCoreCursor = {
      get trans() {
        return cursor.trans;
      },
      get key(): unknown {
        return cursor.key;
      },
      get primaryKey(): unknown {
        return cursor.primaryKey;
      },
      get done() {
        return cursor.done;
      },
      get value(): unknown {
        const stored: unknown = cursor.value;
        if (stored !== lastStored) {
          lastStored = stored;
          lastOpened = open(stored);
        }
        return lastOpened;
      },
      continue: (key?: unknown) => cursor.continue(key),
      continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
      advance: (count: number) => cursor.advance(count),
      start: (onNext: () => void) => cursor.start(onNext),
      stop: (value?: unknown) => cursor.stop(value),
      next: () => cursor.next().then(() => wrapped),
      fail: (error: Error) => cursor.fail(error),
    };
    return wrapped;
  };

  return {
    ...table,
    mutate(req) {
      if (req.type === 'add' || req.type === 'put') return table.mutate({ ...req, values: req.values.map(seal) });
      return table.mutate(req);
    },
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query(req) {
      const query = { ...req.query, range: translateRange(req.query.index.name, req.query.range) };
      if (!req.values) return table.query({ ...req, query });
      return table.query({ ...req, query }).then((response) => ({ ...response, result: response.result.map(open) }));
    },
    openCursor(req) {
      const query = { ...req.query, range: translateRange(req.query.index.name, req.query.range) };
      return table.openCursor({ ...req, query }).then((cursor) => (cursor && req.values ? openCursor(cursor) : cursor));
    },
    count(req) {
      return table.count({ ...req, query: { ...req.query, range: translateRange(req.query.index.name, req.query.range) } });
    },
  };
}
