// Pure: what search knows about each record. No I/O — src/app/db/search reads the records and
// keeps the index; this file decides which records are the person's to search, and how each
// reads as a result (kind, title, text, date, link).
import { formatUkDate } from '../../domain/dates';
import type { LogEntry } from '../../domain/logEntry';
import type { CoachingSession } from '../../domain/sets/coachingSession';
import type { LearningSet } from '../../domain/sets/learningSet';
import type { Meeting } from '../../domain/sets/meeting';
import type { MeetingRound } from '../../domain/sets/meetingRound';
import { isActiveMembership, type Membership } from '../../domain/sets/membership';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { isLive, LOCAL_OWNER } from '../../domain/syncedRecord';

export const SEARCH_KINDS = ['entry', 'trial', 'meeting', 'round', 'coaching'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How each kind of result is named on screen. */
export const SEARCH_KIND_WORDS: Record<SearchKind, string> = {
  entry: 'Log entry',
  trial: 'Trial',
  meeting: 'Set meeting',
  round: 'Meeting round',
  coaching: 'Coaching notes',
};

/** The tables whose records become search documents. */
export type SearchTable = 'logEntries' | 'trials' | 'meetings' | 'meetingRounds' | 'coachingSessions';

export interface SearchDocument {
  /** `${table}:${recordId}` */
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly text: string;
  /** When it happened: an ISO date or date-time, for display and ordering. */
  readonly at: string;
  /** Where the item opens in the app. */
  readonly href: string;
}

/** What deciding "is this mine to search?" and naming people needs, read from the device. */
export interface SearchContext {
  /** The person's user id (LOCAL_OWNER before the first sign-in). */
  readonly me: string;
  /** Sets the person is an active participant or facilitator of. */
  readonly mySetIds: ReadonlySet<string>;
  /** userId → the name their membership gives. */
  readonly names: ReadonlyMap<string, string>;
  readonly setNames: ReadonlyMap<string, string>;
  /** Meetings on the device by id (a round takes its date from its meeting). */
  readonly meetings: ReadonlyMap<string, Meeting>;
}

export function searchDocumentId(table: SearchTable, recordId: string): string {
  return `${table}:${recordId}`;
}

export function buildSearchContext(input: {
  readonly owner: string;
  readonly memberships: readonly Membership[];
  readonly learningSets: readonly LearningSet[];
  readonly meetings: readonly Meeting[];
}): SearchContext {
  const live = input.memberships.filter(isLive);
  const names = new Map<string, string>();
  // Active memberships name people last, so their name wins over an ended membership's.
  for (const m of [...live.filter((m) => !isActiveMembership(m)), ...live.filter(isActiveMembership)]) names.set(m.userId, m.displayName);
  const mySetIds = new Set(
    live.filter((m) => m.userId === input.owner && m.role !== 'coach' && m.setId && isActiveMembership(m)).map((m) => m.setId as string),
  );
  return {
    me: input.owner,
    mySetIds,
    names,
    setNames: new Map(input.learningSets.filter(isLive).map((set) => [set.id, set.name])),
    meetings: new Map(input.meetings.map((meeting) => [meeting.id, meeting])),
  };
}

function isMine(record: { owner: string }, context: SearchContext): boolean {
  return record.owner === context.me || record.owner === LOCAL_OWNER;
}

/** Non-empty pieces of writing, one per line. */
function joinText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join('\n');
}

/**
 * Some writing split into a title — its first words, cut at a word (a cut word would be
 * searched as a word) — and the rest, so a result does not show the same words twice.
 */
function splitTitle(text: string, maxChars: number): { title: string; rest: string } {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= maxChars) return { title: oneLine, rest: '' };
  const space = oneLine.lastIndexOf(' ', maxChars - 1);
  const cut = space > 0 ? space : maxChars - 1;
  return { title: `${oneLine.slice(0, cut)} …`, rest: `… ${oneLine.slice(cut).trim()}` };
}

/** One of the person's own log entries: its writing, template responses and tags. */
export function entryDocument(entry: LogEntry, context: SearchContext): SearchDocument | null {
  if (!isLive(entry) || !isMine(entry, context)) return null;
  const writings = [entry.body ?? '', ...Object.values(entry.responses ?? {})].map((text) => text.trim()).filter((text) => text !== '');
  const { title, rest } = splitTitle(writings[0] ?? '', 80);
  return {
    id: searchDocumentId('logEntries', entry.id),
    kind: 'entry',
    title: title || 'Log entry',
    text: joinText([rest, ...writings.slice(1), (entry.tags ?? []).map((tag) => `#${tag}`).join(' ')]),
    at: entry.occurredAt,
    href: `/journal/${entry.id}`,
  };
}

/** One of the person's own strategy trials: the plan and the review. */
export function trialDocument(trial: StrategyTrial, context: SearchContext): SearchDocument | null {
  if (!isLive(trial) || !isMine(trial, context)) return null;
  const review = trial.review;
  return {
    id: searchDocumentId('trials', trial.id),
    kind: 'trial',
    title: trial.what || 'Strategy trial',
    text: joinText([
      trial.why,
      trial.withWhom,
      trial.impactJudgement,
      review?.wentWell,
      review?.notEffective,
      review?.problems,
      review?.learning,
      review?.nextStepNote,
    ]),
    at: trial.startDate ?? trial.createdAt,
    href: `/trials/${trial.id}`,
  };
}

/** A meeting of one of the person's sets: the check-in and the set's shared learning. */
export function meetingDocument(meeting: Meeting, context: SearchContext): SearchDocument | null {
  if (!isLive(meeting) || !context.mySetIds.has(meeting.setId)) return null;
  const setName = context.setNames.get(meeting.setId);
  return {
    id: searchDocumentId('meetings', meeting.id),
    kind: 'meeting',
    title: setName ? `${setName}: meeting of ${formatUkDate(meeting.heldOn)}` : `Set meeting of ${formatUkDate(meeting.heldOn)}`,
    text: joinText([meeting.place, meeting.checkIn, meeting.sharedLearning]),
    at: meeting.heldOn,
    href: `/set/meetings/${meeting.id}`,
  };
}

/** A member's round at a meeting of one of the person's sets, under the presenter's name. */
export function roundDocument(round: MeetingRound, context: SearchContext): SearchDocument | null {
  if (!isLive(round) || !context.mySetIds.has(round.setId)) return null;
  const meeting = context.meetings.get(round.meetingId);
  if (meeting && !isLive(meeting)) return null;
  const presenter = round.presenterId === context.me ? 'Your round' : `${context.names.get(round.presenterId) ?? 'A member'}’s round`;
  return {
    id: searchDocumentId('meetingRounds', round.id),
    kind: 'round',
    title: meeting ? `${presenter} at the meeting of ${formatUkDate(meeting.heldOn)}` : presenter,
    text: joinText([round.update, round.questions, round.suggestions, round.memberNotes]),
    at: meeting?.heldOn ?? round.createdAt,
    href: `/set/meetings/${round.meetingId}`,
  };
}

/** A coaching session the person is the coach or the participant of. */
export function coachingDocument(session: CoachingSession, context: SearchContext): SearchDocument | null {
  if (!isLive(session) || (session.coachId !== context.me && session.participantId !== context.me)) return null;
  const otherId = session.coachId === context.me ? session.participantId : session.coachId;
  const other = context.names.get(otherId);
  return {
    id: searchDocumentId('coachingSessions', session.id),
    kind: 'coaching',
    title: session.focus || 'Coaching session',
    text: joinText([other ? `With ${other}` : '', session.notes, session.nextSteps]),
    at: session.heldOn,
    href: '/coaching',
  };
}
