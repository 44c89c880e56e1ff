import type { SyncTableName } from '../sync/syncTables';
import { calendarEventRule, cohortRule, cohortWideRule, membershipRule } from './cohortRecordRules';
import { childOfOwnedRecordRule, ownedRecordRule, photoRule } from './ownedRecordRules';
import type { RecordRule } from './RecordRule';
import { meetingActionRule, meetingRoundRule, meetingRule } from './setRecordRules';
import { coachingSessionRule, commentRule } from './sharedRecordRules';

/**
 * The sharing rules, one per synced table. Typed as a total Record, so a new table without a
 * rule does not compile; the authorisation test (tests/integration/authorisation.matrix.test.ts)
 * walks every entry with every role.
 */
export const RECORD_RULES: Readonly<Record<SyncTableName, RecordRule>> = {
  logEntries: ownedRecordRule,
  challenges: ownedRecordRule,
  challengeRevisions: childOfOwnedRecordRule('challenges', 'challengeId'),
  trials: ownedRecordRule,
  measures: ownedRecordRule,
  readings: childOfOwnedRecordRule('measures', 'measureId'),
  photos: photoRule,
  cohorts: cohortRule,
  learningSets: cohortWideRule,
  memberships: membershipRule,
  calendarEvents: calendarEventRule,
  meetings: meetingRule,
  meetingRounds: meetingRoundRule,
  meetingActions: meetingActionRule,
  comments: commentRule,
  coachingSessions: coachingSessionRule,
  diagnostics: ownedRecordRule,
  posters: ownedRecordRule,
};
