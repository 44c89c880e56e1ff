// The generated year used by the review tests and benchmarks is valid data: every record
// passes its table's schema, and the same seed gives the same year.
import { describe, expect, it } from 'vitest';
import { SYNC_TABLE_SCHEMAS, type SyncTableName } from '../../../src/domain/sync/syncTables';
import { generateYear } from '../../support/generateYear';

describe('a generated year', () => {
  it('is valid for its tables and the same for the same seed', async () => {
    const year = await generateYear({ seed: 7, owner: 'priya', entries: 300 });
    for (const [table, records] of Object.entries(year.tables)) {
      for (const record of records) {
        const result = SYNC_TABLE_SCHEMAS[table as SyncTableName].safeParse(record);
        expect(result.success, `${table} ${record.id}: ${result.success ? '' : result.error.message}`).toBe(true);
      }
    }
    expect(year.total).toBeGreaterThan(300);
    expect((await generateYear({ seed: 7, owner: 'priya', entries: 300 })).tables).toEqual(year.tables);
  });
});
