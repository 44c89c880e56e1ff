import { challengeRevisionSchema, leadershipChallengeSchema } from '../challenge';
import { impactMeasureSchema, measureReadingSchema } from '../impactMeasure';
import { logEntrySchema } from '../logEntry';
import { photoSchema } from '../photo';
import { diagnosticSchema } from '../review/diagnostic';
import { posterSchema } from '../review/poster';
import { calendarEventSchema } from '../sets/calendarEvent';
import { coachingSessionSchema } from '../sets/coachingSession';
import { cohortSchema } from '../sets/cohort';
import { commentSchema } from '../sets/comment';
import { learningSetSchema } from '../sets/learningSet';
import { meetingSchema } from '../sets/meeting';
import { meetingActionSchema } from '../sets/meetingAction';
import { meetingRoundSchema } from '../sets/meetingRound';
import { membershipSchema } from '../sets/membership';
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
  cohorts: cohortSchema,
  learningSets: learningSetSchema,
  memberships: membershipSchema,
  calendarEvents: calendarEventSchema,
  meetings: meetingSchema,
  meetingRounds: meetingRoundSchema,
  meetingActions: meetingActionSchema,
  comments: commentSchema,
  coachingSessions: coachingSessionSchema,
  diagnostics: diagnosticSchema,
  posters: posterSchema,
} as const;

export type SyncTableName = keyof typeof SYNC_TABLE_SCHEMAS;
export const SYNC_TABLE_NAMES = Object.keys(SYNC_TABLE_SCHEMAS) as [SyncTableName, ...SyncTableName[]];
