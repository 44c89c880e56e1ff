// Realistic push bodies for the sync API tests: mutations shaped like the app's outbox rows
// (src/app/sync/pushPendingChanges.ts), with a hybrid-logical-clock stamp for every field.
import { randomUUID } from 'node:crypto';
import { formatHlc } from '../../../src/domain/hlc';
import type { LogEntryContent } from '../../../src/domain/logEntry';
import type { Mutation, PulledRecord, PushRequest } from '../../../src/domain/sync/protocol';

export const newId = (): string => randomUUID();

/** A clock stamp as a device writes it. */
export const stamp = (wallMs: number, node: string, counter = 0): string => formatHlc({ wallMs, counter, node });

/** Device ids: no ':' (it separates the parts of a stamp). */
export const DEVICE_A = 'tablet-a';
export const DEVICE_B = 'laptop-b';

/** A moment an hour ago: stamps and createdAt from the recent past, as a real device sends. */
export const anHourAgo = (): number => Date.now() - 60 * 60 * 1000;

/** Every content field of a new log entry, as the app's form saves it. */
export function entryContent(overrides: Partial<LogEntryContent & { deletedAt: string | null }> = {}): Record<string, unknown> {
  return {
    occurredAt: '2026-05-14T09:30:00.000Z',
    body: 'Tried cold-calling in phonics: more hands up, fewer blank faces.',
    template: 'free',
    responses: {},
    tags: [],
    challengeId: null,
    trialId: null,
    measureId: null,
    visibility: 'private',
    deletedAt: null,
    ...overrides,
  };
}

type CreateOptions = {
  recordId?: string;
  device?: string;
  wallMs?: number;
  content?: Parameters<typeof entryContent>[0];
  /** Extra raw fields (e.g. a forged owner), stamped like the rest. */
  extra?: Record<string, unknown>;
};

/** A log entry's creation: all its fields plus createdAt, each with the creating write's stamp. */
export function createEntry(options: CreateOptions = {}): Mutation {
  const wallMs = options.wallMs ?? anHourAgo();
  const hlc = stamp(wallMs, options.device ?? DEVICE_A);
  const fields = { ...entryContent(options.content), ...options.extra, createdAt: new Date(wallMs).toISOString() };
  const clocks = Object.fromEntries(Object.keys(fields).map((field) => [field, hlc]));
  return { mutationId: newId(), table: 'logEntries', recordId: options.recordId ?? newId(), fields, clocks, hlc };
}

/** Changes to some fields of a record, each `[value, stamp]`. */
export function editEntry(recordId: string, changes: Record<string, readonly [unknown, string]>): Mutation {
  const fields = Object.fromEntries(Object.entries(changes).map(([field, [value]]) => [field, value]));
  const clocks = Object.fromEntries(Object.entries(changes).map(([field, [, clock]]) => [field, clock]));
  const hlc = Object.values(clocks).sort().at(-1) ?? '';
  return { mutationId: newId(), table: 'logEntries', recordId, fields, clocks, hlc };
}

/** A push body; a retry reuses `batchId`. */
export function batch(mutations: readonly Mutation[], options: { batchId?: string; deviceId?: string } = {}): PushRequest {
  return { batchId: options.batchId ?? newId(), deviceId: options.deviceId ?? DEVICE_A, mutations: [...mutations] };
}

/** The pulled record with this id (fails loudly when missing). */
export function recordOf(records: readonly PulledRecord[], id: string): PulledRecord['record'] {
  const found = records.find((r) => r.record.id === id);
  if (!found) throw new Error(`record ${id} not pulled (got ${records.map((r) => r.record.id).join(', ') || 'nothing'})`);
  return found.record;
}

export const ids = (records: readonly PulledRecord[]): string[] => records.map((r) => r.record.id);
