import type { LogEntry } from '../../../domain/logEntry';
import type { CoachingSession } from '../../../domain/sets/coachingSession';
import type { LearningSet } from '../../../domain/sets/learningSet';
import type { Meeting } from '../../../domain/sets/meeting';
import type { MeetingRound } from '../../../domain/sets/meetingRound';
import type { Membership } from '../../../domain/sets/membership';
import type { StrategyTrial } from '../../../domain/strategyTrial';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/**
 * The small part of what search reads, whole every time: whose device this is, the people and
 * sets (for names and "my sets"), and a year's meetings, rounds and coaching sessions (tens,
 * not thousands).
 */
export interface SmallSnapshot {
  readonly owner: string;
  readonly memberships: Membership[];
  readonly learningSets: LearningSet[];
  readonly meetings: Meeting[];
  readonly rounds: MeetingRound[];
  readonly coaching: CoachingSession[];
}

/** Everything search reads, for building the index or catching it up. */
export interface FullSnapshot extends SmallSnapshot {
  readonly entries: LogEntry[];
  readonly trials: StrategyTrial[];
}

/** Tables whose changes can change a search document other than the changed record's own. */
export const SMALL_TABLES = ['meta', 'memberships', 'learningSets', 'meetings', 'meetingRounds', 'coachingSessions'] as const;

function smallTables(db: SetwiseDatabase) {
  return [db.meta, db.memberships, db.learningSets, db.meetings, db.meetingRounds, db.coachingSessions];
}

function readSmall(db: SetwiseDatabase) {
  return Promise.all([
    getOwner(db),
    db.memberships.toArray(),
    db.learningSets.toArray(),
    db.meetings.toArray(),
    db.meetingRounds.toArray(),
    db.coachingSessions.toArray(),
  ]);
}

/** Reads the small tables in one read-only transaction (a consistent picture). */
export function readSmallSnapshot(db: SetwiseDatabase): Promise<SmallSnapshot> {
  return db.transaction('r', smallTables(db), () =>
    readSmall(db).then(([owner, memberships, learningSets, meetings, rounds, coaching]) => ({ owner, memberships, learningSets, meetings, rounds, coaching })),
  );
}

/** Reads every table search covers in one read-only transaction. */
export function readFullSnapshot(db: SetwiseDatabase): Promise<FullSnapshot> {
  return db.transaction('r', [...smallTables(db), db.logEntries, db.trials], () =>
    Promise.all([readSmall(db), db.logEntries.toArray(), db.trials.toArray()]).then(
      ([[owner, memberships, learningSets, meetings, rounds, coaching], entries, trials]) => ({
        owner,
        memberships,
        learningSets,
        meetings,
        rounds,
        coaching,
        entries,
        trials,
      }),
    ),
  );
}
