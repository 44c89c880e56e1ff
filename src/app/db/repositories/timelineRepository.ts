import type { ChallengeRevision, LeadershipChallenge } from '../../../domain/challenge';
import { formatUkDate } from '../../../domain/dates';
import { formatMeasureValue, type ImpactMeasure, type MeasureReading } from '../../../domain/impactMeasure';
import { entrySummary, type LogEntry } from '../../../domain/logEntry';
import { NEXT_STEP_LABELS, TRIAL_STATUS_LABELS, type ThemeId } from '../../../domain/programme';
import { getReflectionTemplate } from '../../../domain/reflectionTemplates';
import { oneLine, type TimelineItem, type TimelineOrder } from '../../../domain/review/timeline';
import { CALENDAR_EVENT_KIND_WORDS, type CalendarEvent } from '../../../domain/sets/calendarEvent';
import type { CoachingSession } from '../../../domain/sets/coachingSession';
import type { Meeting } from '../../../domain/sets/meeting';
import { ACTION_STATUS_WORDS, type MeetingAction } from '../../../domain/sets/meetingAction';
import type { MeetingRound } from '../../../domain/sets/meetingRound';
import type { Membership } from '../../../domain/sets/membership';
import type { StrategyTrial } from '../../../domain/strategyTrial';
import { isLive, LOCAL_OWNER } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/** Everything the timeline is made from, as the device holds it (tombstones included). */
export interface TimelineRecords {
  readonly me: string;
  readonly entries: readonly LogEntry[];
  readonly challenges: readonly LeadershipChallenge[];
  readonly revisions: readonly ChallengeRevision[];
  readonly trials: readonly StrategyTrial[];
  readonly measures: readonly ImpactMeasure[];
  readonly readings: readonly MeasureReading[];
  readonly meetings: readonly Meeting[];
  readonly rounds: readonly MeetingRound[];
  readonly actions: readonly MeetingAction[];
  readonly coaching: readonly CoachingSession[];
  readonly events: readonly CalendarEvent[];
  readonly memberships: readonly Membership[];
}

const NO_THEMES: readonly ThemeId[] = [];
const NO_TAGS: readonly string[] = [];

function hasReview(trial: StrategyTrial): boolean {
  const r = trial.review;
  return r.nextStep !== null || [r.wentWell, r.notEffective, r.problems, r.learning, r.nextStepNote].some((text) => text.trim() !== '');
}

function firstWriting(...texts: string[]): string {
  return oneLine(texts.find((text) => text.trim() !== '') ?? '');
}

/**
 * Maps the records to timeline items: this person's own log entries, challenge versions,
 * trials (the plan, and the review once it has something in it) and readings; the rounds
 * they presented and the actions given to them at set meetings; their coaching sessions (as
 * coach or coachee); and the programme's calendar. An item's themes are those of the
 * challenge it belongs to (directly, or through its trial or measure).
 */
export function timelineItemsFrom(records: TimelineRecords): TimelineItem[] {
  const { me } = records;
  const own = (record: { owner: string; deletedAt?: string | null }) => isLive(record) && (record.owner === me || record.owner === LOCAL_OWNER);
  const challengeThemes = new Map(records.challenges.filter(isLive).map((c) => [c.id, c.themes as readonly ThemeId[]]));
  const trials = records.trials.filter(own);
  const trialById = new Map(trials.map((t) => [t.id, t]));
  const themesOf = (challengeId: string | null | undefined, trialId?: string | null): readonly ThemeId[] => {
    const id = challengeId ?? (trialId ? trialById.get(trialId)?.challengeId : null);
    return (id ? challengeThemes.get(id) : undefined) ?? NO_THEMES;
  };
  const names = new Map(records.memberships.filter(isLive).map((m) => [m.userId, m.displayName]));
  const meetingDates = new Map(records.meetings.map((m) => [m.id, isLive(m) ? m.heldOn : null]));
  // A round or action of a meeting that was removed goes with it; one whose meeting is not on
  // this device (yet) still shows, at the time it was written.
  const meetingDate = (record: { meetingId: string; createdAt: string }) => {
    const date = meetingDates.get(record.meetingId);
    return date === undefined ? record.createdAt : date;
  };
  const items: TimelineItem[] = [];

  for (const entry of records.entries) {
    if (!own(entry)) continue;
    const template = entry.template !== 'free' ? getReflectionTemplate(entry.template).name : '';
    items.push({
      key: `entry:${entry.id}`,
      kind: 'entry',
      at: entry.occurredAt,
      title: entrySummary(entry, 120) || '(no text)',
      summary: template,
      tags: entry.tags,
      trialId: entry.trialId,
      themes: themesOf(entry.challengeId, entry.trialId),
      href: `/journal/${entry.id}`,
    });
  }

  const revisions = records.revisions.filter(own).sort((a, b) => a.revisedAt.localeCompare(b.revisedAt));
  const seenChallenges = new Set<string>();
  for (const revision of revisions) {
    const first = !seenChallenges.has(revision.challengeId);
    seenChallenges.add(revision.challengeId);
    items.push({
      key: `revision:${revision.id}`,
      kind: 'revision',
      at: revision.revisedAt,
      title: `${first ? 'Challenge set' : 'Challenge revised'}: ${oneLine(revision.snapshot.focus, 100)}`,
      summary: firstWriting(revision.reason, revision.snapshot.issue),
      tags: NO_TAGS,
      trialId: null,
      themes: revision.snapshot.themes,
      href: '/challenge',
    });
  }

  for (const trial of trials) {
    const themes = themesOf(trial.challengeId);
    items.push({
      key: `trial:${trial.id}`,
      kind: 'trial',
      at: trial.startDate ?? trial.createdAt,
      title: oneLine(trial.what, 120),
      summary: [TRIAL_STATUS_LABELS[trial.status], firstWriting(trial.why, trial.withWhom ? `With ${trial.withWhom}` : '')].filter(Boolean).join(' · '),
      tags: NO_TAGS,
      trialId: trial.id,
      themes,
      href: `/trials/${trial.id}`,
    });
    if (hasReview(trial)) {
      const r = trial.review;
      items.push({
        key: `trialReview:${trial.id}`,
        kind: 'trialReview',
        at: trial.reviewDate ?? trial.updatedAt,
        title: `Review: ${oneLine(trial.what, 110)}`,
        summary: [r.nextStep ? `Next: ${NEXT_STEP_LABELS[r.nextStep]}` : '', firstWriting(r.learning, r.wentWell, r.notEffective, r.problems, r.nextStepNote)]
          .filter(Boolean)
          .join(' · '),
        tags: NO_TAGS,
        trialId: trial.id,
        themes,
        href: `/trials/${trial.id}`,
      });
    }
  }

  const measureById = new Map(records.measures.filter(own).map((m) => [m.id, m]));
  for (const reading of records.readings) {
    const measure = measureById.get(reading.measureId);
    if (!measure || !own(reading)) continue;
    const value = (n: number) => formatMeasureValue(n, measure.unit, measure.unitLabel);
    const baseline = `Baseline ${value(measure.baselineValue)}${measure.target !== null ? `, target ${value(measure.target)}` : ''}`;
    items.push({
      key: `reading:${reading.id}`,
      kind: 'reading',
      at: reading.date,
      title: `${oneLine(measure.name, 100)}: ${value(reading.value)}`,
      summary: firstWriting(reading.note, baseline),
      tags: NO_TAGS,
      trialId: measure.trialId,
      themes: themesOf(measure.challengeId, measure.trialId),
      href: `/measures/${measure.id}`,
    });
  }

  for (const round of records.rounds) {
    const at = meetingDate(round);
    if (!isLive(round) || round.presenterId !== me || at === null) continue;
    items.push({
      key: `round:${round.id}`,
      kind: 'round',
      at,
      title: 'Your round at the set meeting',
      summary: firstWriting(round.update, round.questions, round.memberNotes),
      tags: NO_TAGS,
      trialId: null,
      themes: NO_THEMES,
      href: `/set/meetings/${round.meetingId}`,
    });
  }

  for (const action of records.actions) {
    const at = meetingDate(action);
    if (!isLive(action) || action.assigneeId !== me || at === null) continue;
    items.push({
      key: `action:${action.id}`,
      kind: 'action',
      at,
      title: oneLine(action.text, 120),
      summary: [ACTION_STATUS_WORDS[action.status], action.dueOn ? `due ${formatUkDate(action.dueOn)}` : ''].filter(Boolean).join(' · '),
      tags: NO_TAGS,
      trialId: null,
      themes: NO_THEMES,
      href: `/set/meetings/${action.meetingId}`,
    });
  }

  for (const session of records.coaching) {
    if (!isLive(session) || (session.coachId !== me && session.participantId !== me)) continue;
    const other = names.get(session.coachId === me ? session.participantId : session.coachId);
    items.push({
      key: `coaching:${session.id}`,
      kind: 'coaching',
      at: session.heldOn,
      title: other ? `Coaching session with ${other}` : 'Coaching session',
      summary: firstWriting(session.focus, session.nextSteps, session.notes),
      tags: NO_TAGS,
      trialId: null,
      themes: NO_THEMES,
      href: '/coaching',
    });
  }

  for (const event of records.events) {
    if (!isLive(event)) continue;
    items.push({
      key: `event:${event.id}`,
      kind: 'event',
      at: event.startsOn,
      title: oneLine(event.title, 120),
      summary: [CALENDAR_EVENT_KIND_WORDS[event.kind], event.startTime, event.place].filter(Boolean).join(' · '),
      tags: NO_TAGS,
      trialId: null,
      themes: NO_THEMES,
      href: event.kind === 'set_meeting' ? '/set' : `/timeline/events/${event.id}`,
    });
  }
  return items;
}

/** The learning timeline's reads. */
export function createTimelineRepository(db: SetwiseDatabase) {
  // All tables are read at once with Dexie's own promises (started together), so a live query
  // over this keeps updating when any of them changes.
  function read(entries: Promise<LogEntry[]>): Promise<TimelineItem[]> {
    return Promise.all([
      getOwner(db),
      entries,
      db.challenges.toArray(),
      db.challengeRevisions.toArray(),
      db.trials.toArray(),
      db.measures.toArray(),
      db.readings.toArray(),
      db.meetings.toArray(),
      db.meetingRounds.toArray(),
      db.meetingActions.toArray(),
      db.coachingSessions.toArray(),
      db.calendarEvents.toArray(),
      db.memberships.toArray(),
    ]).then(([me, entries, challenges, revisions, trials, measures, readings, meetings, rounds, actions, coaching, events, memberships]) =>
      timelineItemsFrom({ me, entries, challenges, revisions, trials, measures, readings, meetings, rounds, actions, coaching, events, memberships }),
    );
  }

  return {
    /** Every item on this person's timeline, unsorted. */
    items(): Promise<TimelineItem[]> {
      return read(db.logEntries.toArray());
    },

    /**
     * What leads the timeline in this order, for the first screen while items() reads
     * everything: the latest (or earliest) `entryLimit` log entries — the bulk of a year —
     * and all the rest. The first `entryLimit` items of the whole timeline are all here.
     */
    leadingItems(order: TimelineOrder, entryLimit: number): Promise<TimelineItem[]> {
      const byTime = db.logEntries.orderBy('occurredAt');
      const entries = getOwner(db).then((me) =>
        (order === 'newest' ? byTime.reverse() : byTime)
          .filter((entry) => isLive(entry) && (entry.owner === me || entry.owner === LOCAL_OWNER))
          .limit(entryLimit)
          .toArray(),
      );
      return read(entries);
    },

    /** One programme event, for the timeline's event card; undefined when removed. */
    event(id: string): Promise<CalendarEvent | undefined> {
      return db.calendarEvents.get(id).then((event) => (event && isLive(event) ? event : undefined));
    },
  };
}
export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
