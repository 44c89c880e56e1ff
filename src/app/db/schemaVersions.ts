import type Dexie from 'dexie';

/**
 * Every schema change is a new numbered version here; old versions stay as they were
 * (additive only), because a tablet may open the app after months on an old version.
 * A test upgrades real version-N−1 data for each step (tests/unit/db/schemaUpgrade.test.ts).
 */
export const SCHEMA_V1 = {
  logEntries: 'id, occurredAt, updatedAt, challengeId, trialId',
  challenges: 'id, updatedAt',
  challengeRevisions: 'id, challengeId, revisedAt',
  trials: 'id, challengeId, status, updatedAt',
  measures: 'id, challengeId, trialId, updatedAt',
  readings: 'id, measureId, date',
  photos: 'id, entryId, sha256',
  photoBlobs: 'sha256',
  outbox: '++seq, &mutationId, recordId',
  meta: 'key',
} as const;

/** v2: entry templates (responses), tag filtering, links to a measure, autosaved drafts. */
export const SCHEMA_V2 = {
  logEntries: 'id, occurredAt, updatedAt, challengeId, trialId, measureId, *tags',
  drafts: 'key',
} as const;

/** v3: photo bytes waiting to be uploaded to the sync server (content-addressed). */
export const SCHEMA_V3 = {
  blobUploads: 'sha256',
} as const;

/**
 * v4: sets and cohorts (docs/decisions/009): the cohort's structure, meeting notes, comments,
 * coaching notes; and changes the server refused under the sharing rules, kept for the person.
 */
export const SCHEMA_V4 = {
  cohorts: 'id',
  learningSets: 'id, cohortId',
  memberships: 'id, cohortId, setId, userId',
  calendarEvents: 'id, cohortId, setId, startsOn',
  meetings: 'id, setId, heldOn',
  meetingRounds: 'id, meetingId, presenterId',
  meetingActions: 'id, meetingId, setId, assigneeId, status, dueOn',
  comments: 'id, targetId',
  coachingSessions: 'id, participantId, coachId, heldOn',
  setAsideChanges: '++id, recordId',
} as const;

/**
 * v5: reviewing the year: the leadership diagnostic and the impact poster (synced records), and
 * the device's search index (device-only: rebuilt from the records whenever it is missing).
 */
export const SCHEMA_V5 = {
  diagnostics: 'id, takenOn',
  posters: 'id',
  searchIndex: 'key',
} as const;

export const CURRENT_SCHEMA_VERSION = 5;

export function declareSchemaVersions(db: Dexie): void {
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // v1 entries had a body only. Give them the fields v2 reads, without stamping a clock:
      // defaults are not anybody's edit, so any real edit from another device wins over them.
      await tx
        .table('logEntries')
        .toCollection()
        .modify((entry: Record<string, unknown>) => {
          if (!Array.isArray(entry.tags)) entry.tags = [];
          if (typeof entry.template !== 'string') entry.template = 'free';
          if (typeof entry.responses !== 'object' || entry.responses === null) entry.responses = {};
          if (!('measureId' in entry)) entry.measureId = null;
          if (!('visibility' in entry)) entry.visibility = 'private';
        });
    });
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      // Photos taken before sync existed must reach the server too.
      const blobs = await tx.table('photoBlobs').toCollection().primaryKeys();
      await tx.table('blobUploads').bulkPut(blobs.map((sha256) => ({ sha256, queuedAt: new Date().toISOString() })));
    });
  // New tables only: nothing to convert.
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
}
