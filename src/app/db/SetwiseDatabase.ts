import Dexie, { type Table } from 'dexie';
import type { ChallengeRevision, LeadershipChallenge } from '../../domain/challenge';
import type { ImpactMeasure, MeasureReading } from '../../domain/impactMeasure';
import type { LogEntry } from '../../domain/logEntry';
import type { Photo } from '../../domain/photo';
import type { StrategyTrial } from '../../domain/strategyTrial';
import type { BlobUploadRow, DraftRow, MetaRow, OutboxRow, PhotoBlobRow } from './rows';
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

  constructor(name = 'setwise') {
    super(name);
    declareSchemaVersions(this);
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
] as const;
export type SyncedTableName = (typeof SYNCED_TABLES)[number];
