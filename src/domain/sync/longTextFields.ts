import type { SyncTableName } from './syncTables';

/**
 * Fields holding someone's own long writing. Two offline edits of one of these must not
 * silently drop either side: the server keeps the losing version as a visible conflict
 * (`conflicts`) that the person resolves — "two versions of this entry".
 */
export const LONG_TEXT_FIELDS: Readonly<Record<SyncTableName, readonly string[]>> = {
  logEntries: ['body', 'responses'],
  challenges: ['issue', 'desiredOutcomes', 'baseline'],
  challengeRevisions: [],
  trials: ['why', 'impactJudgement', 'review'],
  measures: [],
  readings: [],
  photos: [],
  cohorts: [],
  learningSets: [],
  memberships: [],
  calendarEvents: [],
  meetings: ['checkIn', 'sharedLearning'],
  meetingRounds: ['update', 'questions', 'suggestions', 'memberNotes'],
  meetingActions: [],
  comments: ['body'],
  coachingSessions: ['notes', 'nextSteps'],
  diagnostics: [],
  posters: ['overrides'],
};

export function isLongTextField(table: string, field: string): boolean {
  return (LONG_TEXT_FIELDS as Record<string, readonly string[] | undefined>)[table]?.includes(field) ?? false;
}
