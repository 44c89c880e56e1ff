import { z } from 'zod';
import { isoDateTimeSchema } from '../dates';
import { OWN_WRITING_TABLES } from '../sync/ownWritingTables';

/**
 * The backup file ("Download everything I wrote"): one JSON object, written by
 * src/app/db/repositories/exportRepository.ts and read back by restoreRepository.ts.
 *
 * Version 1 held the person's live writing. Version 2 is a full backup: every record of every
 * own-writing table exactly as the device stored it (ids, clocks, conflicts, and deleted
 * records too, because a backup keeps history), each photo with its bytes as a data: URL, and
 * — readable in the file but never restored as records, because they belong to the set or to
 * the coach and participant together — the person's rounds and actions from set meetings and
 * their coaching notes.
 *
 * Every object is loose: fields this version does not know (a newer app's) are kept, so a
 * record restores exactly as it was stored.
 */
export const BACKUP_FORMAT = 'setwise-export';
export const BACKUP_VERSION = 2;

/** What a person is told when a file cannot be restored. */
export const BACKUP_ERRORS = {
  notABackup: 'This is not a Setwise backup.',
  newerVersion: 'This backup was made by a newer version of Setwise — update first.',
  damaged: 'This backup is damaged and cannot be restored.',
} as const;

/** Tables restored as the person's own records (the own-writing tables). */
export const RESTORED_TABLES = OWN_WRITING_TABLES;
/** Tables kept in the file for reading only: the set's and the coaching relationship's records. */
export const FILE_ONLY_TABLES = ['coachingSessions', 'meetingRounds', 'meetingActions'] as const;

/**
 * A record as the device stored it. Only what every synced record has is checked here; each
 * record is checked against its own table's schema when it is restored.
 */
export const backupRecordSchema = z.looseObject({
  id: z.string().min(1),
  owner: z.string().min(1),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  deletedAt: isoDateTimeSchema.nullable().optional(),
  clocks: z.record(z.string(), z.string()),
});
export type BackupRecord = z.infer<typeof backupRecordSchema>;

/** A photo record with its bytes (`data:<type>;base64,…`), or null when they were not on the device. */
export const backupPhotoSchema = backupRecordSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  dataUrl: z.string().startsWith('data:').nullable().optional(),
});
export type BackupPhoto = z.infer<typeof backupPhotoSchema>;

/** Where and when a round or action's meeting was held (null when the device did not hold it). */
export const backupMeetingFactsSchema = z.looseObject({
  id: z.string(),
  heldOn: z.string(),
  place: z.string(),
});

const meetingNoteSchema = backupRecordSchema.extend({ meeting: backupMeetingFactsSchema.nullable().optional() });

const records = z.array(backupRecordSchema).default([]);

export const backupFileSchema = z.looseObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: isoDateTimeSchema,
  person: z.looseObject({ userId: z.string().min(1), displayName: z.string().optional() }),
  logEntries: records,
  challenges: records,
  challengeRevisions: records,
  trials: records,
  measures: records,
  readings: records,
  photos: z.array(backupPhotoSchema).default([]),
  comments: records,
  // Version 2 on:
  diagnostics: records,
  posters: records,
  coachingSessions: records,
  meetingRounds: z.array(meetingNoteSchema).default([]),
  meetingActions: z.array(meetingNoteSchema).default([]),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export type BackupParseResult =
  | { readonly ok: true; readonly file: BackupFile }
  | { readonly ok: false; readonly problem: keyof typeof BACKUP_ERRORS; readonly message: string; readonly detail?: string };

/**
 * Reads a backup file's parsed JSON: a file of another kind, one from a newer Setwise (which
 * this version might restore wrongly) and a damaged one are each refused with their own words.
 * Versions 1 and 2 are read.
 */
export function parseBackupFile(json: unknown): BackupParseResult {
  const envelope = z.looseObject({ format: z.literal(BACKUP_FORMAT), version: z.unknown() }).safeParse(json);
  if (!envelope.success) return { ok: false, problem: 'notABackup', message: BACKUP_ERRORS.notABackup };
  const { version } = envelope.data;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, problem: 'newerVersion', message: BACKUP_ERRORS.newerVersion };
  }
  const parsed = backupFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : undefined;
    return { ok: false, problem: 'damaged', message: BACKUP_ERRORS.damaged, ...(detail ? { detail } : {}) };
  }
  return { ok: true, file: parsed.data };
}
