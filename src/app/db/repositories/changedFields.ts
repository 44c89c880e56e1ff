/**
 * The fields among `keys` whose value differs between two versions. Repositories write only
 * these, so an edit never re-stamps (and so never overrides) a field the person did not touch.
 */
export function changedFields<T extends object>(before: T, after: T, keys: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of keys as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) fields[key] = after[key];
  }
  return fields;
}
