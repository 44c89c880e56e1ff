import { z } from 'zod';
import { isoDateTimeSchema } from './dates';
import { fieldConflictsSchema } from './fieldConflict';

/**
 * Fields every participant-owned record carries so that the sync engine can merge it
 * (docs/decisions/002-records-ready-for-sync.md):
 * - `id`: client-generated UUIDv7;
 * - `owner`: the account's user id, or LOCAL_OWNER before the device's first sign-in;
 * - `createdAt` / `updatedAt`: ISO date-times for display and sorting (not for merging);
 * - `deletedAt`: a tombstone — records are never hard-deleted, so a delete can sync;
 * - `clocks`: for each content field, the hybrid-logical-clock stamp of the write that last
 *   set it. Merging two copies keeps, field by field, the value with the later stamp.
 *
 * Schemas are loose: a record written by a newer version of the app keeps the fields this
 * version does not know about when it is read and written back (forward compatibility).
 */
export const LOCAL_OWNER = 'local';

export const VISIBILITIES = ['private', 'set', 'coach', 'set_and_coach'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const syncedRecordSchema = z.looseObject({
  id: z.string().min(1),
  owner: z.string().min(1),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deletedAt: isoDateTimeSchema.nullable().default(null),
  clocks: z.record(z.string(), z.string()).default({}),
  /** Losing versions of long-text fields edited concurrently (see fieldConflict.ts). */
  conflicts: fieldConflictsSchema.optional(),
});
export type SyncedRecord = z.infer<typeof syncedRecordSchema>;

/** Fields that identify a record rather than describe it: never merged field by field. */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['id', 'owner', 'createdAt', 'clocks']);

export function isLive(record: { deletedAt?: string | null }): boolean {
  return record.deletedAt == null;
}
