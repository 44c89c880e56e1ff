import Dexie, { type Table } from 'dexie';
import type { ChallengeRevision, LeadershipChallenge } from '../../domain/challenge';
import type { ImpactMeasure, MeasureReading } from '../../domain/impactMeasure';
import type { LogEntry } from '../../domain/logEntry';
import type { Photo } from '../../domain/photo';
import type { Diagnostic } from '../../domain/review/diagnostic';
import type { Poster } from '../../domain/review/poster';
import type { CalendarEvent } from '../../domain/sets/calendarEvent';
import type { CoachingSession } from '../../domain/sets/coachingSession';
import type { Cohort } from '../../domain/sets/cohort';
import type { Comment } from '../../domain/sets/comment';
import type { LearningSet } from '../../domain/sets/learningSet';
import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';
import type { MeetingRound } from '../../domain/sets/meetingRound';
import type { Membership } from '../../domain/sets/membership';
import type { StrategyTrial } from '../../domain/strategyTrial';
import type { SyncTableName } from '../../domain/sync/syncTables';
import type { BlobUploadRow, DraftRow, MetaRow, OutboxRow, PhotoBlobRow, SearchIndexRow, SetAsideChangeRow } from './rows';
import { createSealingMiddleware } from './encryption/createSealingMiddleware';
import { createDeviceKeyring, type DeviceKeyring } from './encryption/deviceKeyring';
import { declareSchemaVersions } from './schemaVersions';

/**
 * The device's database. Only code in src/app/db touches it; the UI goes through the
 * repositories (see RepositoryContext).
 */
export class SetwiseDatabase extends Dexie {
  declare logEntries: Table<LogEntry, string>;
  declare challenges: Table<LeadershipChallenge, string>;
  declare challengeRevisions: Table<ChallengeRevision, string>;
  declare trials: Table<StrategyTrial, string>;
  declare measures: Table<ImpactMeasure, string>;
  declare readings: Table<MeasureReading, string>;
  declare photos: Table<Photo, string>;
  declare photoBlobs: Table<PhotoBlobRow, string>;
  declare outbox: Table<OutboxRow, number>;
  declare meta: Table<MetaRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare blobUploads: Table<BlobUploadRow, string>;
  declare cohorts: Table<Cohort, string>;
  declare learningSets: Table<LearningSet, string>;
  declare memberships: Table<Membership, string>;
  declare calendarEvents: Table<CalendarEvent, string>;
  declare meetings: Table<Meeting, string>;
  declare meetingRounds: Table<MeetingRound, string>;
  declare meetingActions: Table<MeetingAction, string>;
  declare comments: Table<Comment, string>;
  declare coachingSessions: Table<CoachingSession, string>;
  declare setAsideChanges: Table<SetAsideChangeRow, number>;
  declare diagnostics: Table<Diagnostic, string>;
  declare posters: Table<Poster, string>;
  declare searchIndex: Table<SearchIndexRow, string>;

  /** Holds the data key while unlocked; without a passcode it is 'off' and rows stay as they are. */
  readonly keyring: DeviceKeyring;

  constructor(name = 'setwise', keyring: DeviceKeyring = createDeviceKeyring('off')) {
    super(name);
    this.keyring = keyring;
    declareSchemaVersions(this);
    // Encryption at rest sits below everything else Dexie does (docs/decisions/016).
    this.use(createSealingMiddleware(keyring));
  }
}

/** Names of the tables whose rows are synced records (merged field by field). */
export const SYNCED_TABLES = [
  'logEntries',
  'challenges',
  'challengeRevisions',
  'trials',
  'measures',
  'readings',
  'photos',
  'cohorts',
  'learningSets',
  'memberships',
  'calendarEvents',
  'meetings',
  'meetingRounds',
  'meetingActions',
  'comments',
  'coachingSessions',
  'diagnostics',
  'posters',
] as const satisfies readonly SyncTableName[];
export type SyncedTableName = (typeof SYNCED_TABLES)[number];
// Every table the server syncs has a table on the device: this fails to compile otherwise.
const everySyncTableIsLocal: [Exclude<SyncTableName, SyncedTableName>] extends [never] ? true : false = true;
void everySyncTableIsLocal;
