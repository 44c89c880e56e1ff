import type { z } from 'zod';
import { SYNC_TABLE_SCHEMAS, type SyncTableName } from '../../domain/sync/syncTables';

/** Fields the server sets itself; a client can never choose them. */
const SERVER_FIELDS = new Set(['id', 'owner', 'clocks', 'updatedAt']);

export class InvalidMutationError extends Error {}

/** The changed fields a client sent, minus those only the server may set. */
export function clientFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([field]) => !SERVER_FIELDS.has(field)));
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}

/**
 * A merged record must be a valid record of its table, whoever sent the pieces. Unknown
 * fields are allowed (a newer app version may add some); known fields must be well-formed.
 */
export function assertValidRecord(table: SyncTableName, recordId: string, doc: Record<string, unknown>): void {
  const result = SYNC_TABLE_SCHEMAS[table].safeParse(doc);
  if (!result.success) {
    const issues = describeIssues(result.error);
    // Schema messages are sentences already ("… split it in two."): no second full stop.
    throw new InvalidMutationError(`The change to ${table} ${recordId} is not valid: ${issues}${/[.!?]$/.test(issues) ? '' : '.'}`);
  }
}
