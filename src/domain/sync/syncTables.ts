import { challengeRevisionSchema, leadershipChallengeSchema } from '../challenge';
import { impactMeasureSchema, measureReadingSchema } from '../impactMeasure';
import { logEntrySchema } from '../logEntry';
import { photoSchema } from '../photo';
import { strategyTrialSchema } from '../strategyTrial';

/** The record tables that sync, and the schema each record of them must satisfy. */
export const SYNC_TABLE_SCHEMAS = {
  logEntries: logEntrySchema,
  challenges: leadershipChallengeSchema,
  challengeRevisions: challengeRevisionSchema,
  trials: strategyTrialSchema,
  measures: impactMeasureSchema,
  readings: measureReadingSchema,
  photos: photoSchema,
} as const;

export type SyncTableName = keyof typeof SYNC_TABLE_SCHEMAS;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLE_SCHEMAS) as [SyncTableName, ...SyncTableName[]];
