import { z } from 'zod';
import { SYNC_TABLE_NAMES } from './syncTables';

/**
 * The sync protocol's wire format (docs/sync-protocol.md), shared by the client engine and the
 * server, which validates every request with these schemas.
 */
export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_PULL_PAGE = 1000;

export const hlcStampSchema = z.string().regex(/^\d{15}:\d{6}:[^:]{1,64}$/, { error: 'Not a clock stamp.' });
const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: 'Not an id.' });

/** Every change a device made to one record since its last push: fields with their stamps. */
export const mutationSchema = z
  .object({
    mutationId: idSchema,
    table: z.enum(SYNC_TABLE_NAMES),
    recordId: idSchema,
    fields: z.record(z.string().min(1).max(64), z.unknown()),
    clocks: z.record(z.string().min(1).max(64), hlcStampSchema),
    /**
     * For long-text fields: the stamp the field had on the device before this edit ('' for a
     * new record). A different stamp on the server means someone else edited it meanwhile.
     */
    bases: z.record(z.string().min(1).max(64), z.union([hlcStampSchema, z.literal('')])).optional(),
    hlc: hlcStampSchema,
  })
  .refine((mutation) => Object.keys(mutation.fields).every((field) => field in mutation.clocks), {
    error: 'Every changed field needs its clock stamp.',
    path: ['clocks'],
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  /** Unique per batch; a retried batch keeps its id, and the server applies a batch once. */
  batchId: idSchema,
  deviceId: idSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** A change the sharing rules refused (e.g. to a set the person has since left): nothing of it was applied. */
export const rejectedMutationSchema = z.object({
  mutationId: z.string(),
  table: z.enum(SYNC_TABLE_NAMES),
  recordId: z.string(),
  /** Why, in words for the person who made the change. */
  reason: z.string(),
});
export type RejectedMutation = z.infer<typeof rejectedMutationSchema>;

export const pushResponseSchema = z.object({
  epoch: z.string(),
  serverTime: z.number(),
  /** False when the batch had been applied before (a retry): nothing changed this time. */
  applied: z.boolean(),
  /** Changes in the batch the sharing rules refused; the rest applied. */
  rejected: z.array(rejectedMutationSchema).default([]),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(500),
  /** The `access` digest of the device's last pull; when what the person may see has changed since, the server answers 409 access-changed. */
  access: z.string().max(64).regex(/^[A-Za-z0-9-]*$/).optional(),
});

export const pulledRecordSchema = z.object({
  table: z.enum(SYNC_TABLE_NAMES),
  seq: z.number().int().positive(),
  record: z.looseObject({ id: z.string(), owner: z.string(), clocks: z.record(z.string(), z.string()) }),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.object({
  epoch: z.string(),
  serverTime: z.number(),
  records: z.array(pulledRecordSchema),
  /** Records this person can no longer see (unshared, or they left the set): drop them. */
  revoked: z.array(z.object({ table: z.enum(SYNC_TABLE_NAMES), id: z.string() })).default([]),
  /** Cursor to send as `after` next time: the highest seq returned (or the request's `after`). */
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
  /** Digest of what this person may see; send it back as `access` next time. */
  access: z.string().default(''),
  /** The signed-in person's user id (records they own are never dropped by a resync). */
  viewer: z.string().default(''),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Error bodies are always `{ error: "message for people", code?: "machine-readable" }`. */
export const RESYNC_REQUIRED = 'resync-required';
/** What the person may see changed (joined or left a set): pull everything again and drop what is no longer theirs to see. */
export const ACCESS_CHANGED = 'access-changed';
