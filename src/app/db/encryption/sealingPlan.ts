import type { DBCoreTableSchema } from 'dexie';

/**
 * What of a table's rows stays readable on disk once sealed (docs/decisions/016): only the
 * primary key and the index values the app sorts and filters by, which are ids, dates, enums
 * and content hashes — never words a person wrote. Index values that are words (tags) are
 * kept as a keyed blind index instead: equal tags still match, but the tag cannot be read.
 */
export interface SealingPlan {
  readonly table: string;
  /** The inbound primary key's field (null for out-of-line keys, which stay outside rows). */
  readonly primaryKeyField: string | null;
  /** Top-level fields kept in clear (primary key and indexed fields). */
  readonly clearFields: readonly string[];
  /** Indexed fields whose values are replaced by blind tokens when sealed. */
  readonly blindFields: readonly string[];
  /** Rows of this table that are never sealed, by primary key (the lock settings). */
  readonly clearRowKeys: ReadonlySet<string>;
}

/** Index values that are a person's own words. */
const BLIND_INDEXES: Readonly<Record<string, readonly string[]>> = {
  logEntries: ['tags'],
};

/** The lock settings must be readable before unlocking: they hold the wrapped key. */
export const PASSCODE_LOCK_META_KEY = 'passcodeLock';
const CLEAR_ROWS: Readonly<Record<string, readonly string[]>> = {
  meta: [PASSCODE_LOCK_META_KEY],
};

function topLevelField(keyPath: string | string[] | null): string[] {
  if (keyPath === null) return [];
  const paths = Array.isArray(keyPath) ? keyPath : [keyPath];
  // A dotted key path keeps its whole first field in clear: none of ours are dotted.
  return paths.map((path) => path.split('.')[0] ?? path);
}

export function sealingPlanFor(schema: DBCoreTableSchema): SealingPlan {
  const blindFields = BLIND_INDEXES[schema.name] ?? [];
  const indexed = [schema.primaryKey, ...schema.indexes].flatMap((index) => topLevelField(index.keyPath));
  return {
    table: schema.name,
    primaryKeyField: topLevelField(schema.primaryKey.keyPath ?? null)[0] ?? null,
    clearFields: [...new Set(indexed)].filter((field) => !blindFields.includes(field)),
    blindFields,
    clearRowKeys: new Set(CLEAR_ROWS[schema.name] ?? []),
  };
}
