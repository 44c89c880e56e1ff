import type { LeadershipChallenge } from '../../../domain/challenge';
import type { ImpactMeasure } from '../../../domain/impactMeasure';
import { newId } from '../../../domain/ids';
import type { LogEntry } from '../../../domain/logEntry';
import { coachingSessionContentSchema, type CoachingSession, type CoachingSessionContent } from '../../../domain/sets/coachingSession';
import { isActiveMembership, type Membership } from '../../../domain/sets/membership';
import type { StrategyTrial } from '../../../domain/strategyTrial';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { markDeleted, markRestored } from './tombstones';

/** The other person in a coaching pair, with the name their membership gives. */
export interface CoachingPartner {
  readonly userId: string;
  readonly name: string;
}

/** What a coach fills in for a new session; the coach is always the person adding it. */
export type NewCoachingSession = Pick<CoachingSessionContent, 'participantId' | 'heldOn'> &
  Partial<Pick<CoachingSessionContent, 'focus' | 'notes' | 'nextSteps'>>;

/** The fields either of the pair may change; who the pair are never changes. */
export type CoachingSessionChanges = Partial<Pick<CoachingSessionContent, 'heldOn' | 'focus' | 'notes' | 'nextSteps'>>;
const EDITABLE_FIELDS = ['heldOn', 'focus', 'notes', 'nextSteps'] as const;
const editableSchema = coachingSessionContentSchema.pick({ heldOn: true, focus: true, notes: true, nextSteps: true });

/** Everything a coachee chose to show their coach, as this device holds it. */
export interface SharedWithCoach {
  readonly challenges: LeadershipChallenge[];
  readonly trials: StrategyTrial[];
  readonly measures: ImpactMeasure[];
  readonly entries: LogEntry[];
}

/** This person's coaching: the people they coach and the coaches they have, each with the sessions. */
export interface CoachingOverview {
  readonly me: string;
  /** `current`: the coaching membership is active (so the coach may add sessions). */
  readonly asCoach: { readonly coachee: CoachingPartner; readonly current: boolean; readonly sessions: CoachingSession[] }[];
  readonly asParticipant: { readonly coach: CoachingPartner; readonly current: boolean; readonly sessions: CoachingSession[] }[];
}

const SHARED_WITH_COACH: ReadonlySet<Visibility> = new Set<Visibility>(['coach', 'set_and_coach']);

function newestFirst(a: CoachingSession, b: CoachingSession): number {
  return b.heldOn.localeCompare(a.heldOn) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * Coaching session notes: seen by one coach and the one participant they coach, nobody else
 * (src/domain/access/sharedRecordRules.ts). The coach adds a session; either of them may edit it.
 */
export function createCoachingRepository(db: SetwiseDatabase) {
  async function activeMemberships(): Promise<Membership[]> {
    return (await db.memberships.toArray()).filter(isActiveMembership);
  }

  async function nameOf(userId: string, fallback: string): Promise<string> {
    const memberships = (await db.memberships.where('userId').equals(userId).toArray()).filter(isLive);
    return (memberships.find(isActiveMembership) ?? memberships[0])?.displayName ?? fallback;
  }

  /** The participants this person coaches (active coach memberships), by name. */
  async function myCoachees(): Promise<CoachingPartner[]> {
    const me = await getOwner(db);
    const coacheeIds = new Set(
      (await activeMemberships()).filter((m) => m.userId === me && m.role === 'coach' && m.coacheeId).map((m) => m.coacheeId as string),
    );
    const coachees = await Promise.all([...coacheeIds].map(async (userId) => ({ userId, name: await nameOf(userId, 'The person you coach') })));
    return coachees.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** This person's coaches (active coach memberships naming them), by name. */
  async function myCoaches(): Promise<CoachingPartner[]> {
    const me = await getOwner(db);
    const coaches = new Map<string, CoachingPartner>();
    for (const m of await activeMemberships()) {
      if (m.role === 'coach' && m.coacheeId === me && m.userId !== me) coaches.set(m.userId, { userId: m.userId, name: m.displayName });
    }
    return [...coaches.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Sessions where this person is the coach or the participant, newest first. */
  async function listForMe(): Promise<CoachingSession[]> {
    const me = await getOwner(db);
    const [asCoach, asParticipant] = await Promise.all([
      db.coachingSessions.where('coachId').equals(me).toArray(),
      db.coachingSessions.where('participantId').equals(me).toArray(),
    ]);
    const byId = new Map([...asCoach, ...asParticipant].filter(isLive).map((session) => [session.id, session]));
    return [...byId.values()].sort(newestFirst);
  }

  async function getLive(id: string): Promise<CoachingSession> {
    const session = await db.coachingSessions.get(id);
    if (!session || !isLive(session)) throw new Error('These coaching notes are no longer on this device.');
    return session;
  }

  return {
    myCoachees,
    myCoaches,
    listForMe,

    /**
     * Adds a session for one of the people this person coaches; the draft it came from (if
     * any) is cleared in the same transaction.
     */
    async create(input: NewCoachingSession, options: { clearDraftKeys?: readonly string[] } = {}): Promise<CoachingSession> {
      const me = await getOwner(db);
      const content = coachingSessionContentSchema.parse({ ...input, coachId: me });
      if (!(await myCoachees()).some((coachee) => coachee.userId === content.participantId)) {
        throw new Error('You can add coaching notes only for someone you coach.');
      }
      return db.transaction('rw', [db.coachingSessions, db.outbox, db.meta, db.drafts], async () => {
        const session = await writeRecordChange<CoachingSession>(db, {
          table: 'coachingSessions',
          recordId: newId(),
          fields: content,
          create: true,
        });
        if (options.clearDraftKeys) await db.drafts.bulkDelete([...options.clearDraftKeys]);
        return session;
      });
    },

    /** Saves the changed fields only, so the other person's edit to another field survives. */
    async update(id: string, changes: CoachingSessionChanges): Promise<CoachingSession> {
      const current = await getLive(id);
      const me = await getOwner(db);
      if (current.coachId !== me && current.participantId !== me) {
        throw new Error('Only the coach and the participant can change these coaching notes.');
      }
      const keys = Object.keys(changes).filter((key): key is (typeof EDITABLE_FIELDS)[number] =>
        (EDITABLE_FIELDS as readonly string[]).includes(key),
      );
      const mask = Object.fromEntries(keys.map((key) => [key, true])) as { [K in (typeof EDITABLE_FIELDS)[number]]?: true };
      const validated = editableSchema.pick(mask).parse(changes) as CoachingSessionChanges;
      const fields = changedFields(current as CoachingSessionChanges, validated, keys);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<CoachingSession>(db, { table: 'coachingSessions', recordId: id, fields });
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'coachingSessions', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'coachingSessions', id);
    },

    async get(id: string): Promise<CoachingSession | undefined> {
      const session = await db.coachingSessions.get(id);
      return session && isLive(session) ? session : undefined;
    },

    /** Whether there is anything to show under Coaching: a coach, a coachee or any notes. */
    async isInCoaching(): Promise<boolean> {
      if ((await myCoachees()).length > 0 || (await myCoaches()).length > 0) return true;
      return (await listForMe()).length > 0;
    },

    /**
     * Each pair this person is part of, with its sessions newest first. A pair whose
     * membership has ended still shows, as long as it has notes.
     */
    async overview(): Promise<CoachingOverview> {
      const me = await getOwner(db);
      const [sessions, coachees, coaches] = await Promise.all([listForMe(), myCoachees(), myCoaches()]);
      const coacheeIds = new Set([...coachees.map((c) => c.userId), ...sessions.filter((s) => s.coachId === me).map((s) => s.participantId)]);
      const coachIds = new Set([...coaches.map((c) => c.userId), ...sessions.filter((s) => s.participantId === me).map((s) => s.coachId)]);
      const partner = async (userId: string, known: CoachingPartner[], fallback: string) =>
        known.find((p) => p.userId === userId) ?? { userId, name: await nameOf(userId, fallback) };
      return {
        me,
        asCoach: await Promise.all(
          [...coacheeIds].map(async (userId) => ({
            coachee: await partner(userId, coachees, 'The person you coach'),
            current: coachees.some((c) => c.userId === userId),
            sessions: sessions.filter((s) => s.coachId === me && s.participantId === userId),
          })),
        ),
        asParticipant: await Promise.all(
          [...coachIds].map(async (userId) => ({
            coach: await partner(userId, coaches, 'Your coach'),
            current: coaches.some((c) => c.userId === userId),
            sessions: sessions.filter((s) => s.participantId === me && s.coachId === userId),
          })),
        ),
      };
    },

    /** What a coachee shared with their coach (visibility coach, or set and coach), read-only. */
    async sharedBy(coacheeId: string): Promise<SharedWithCoach> {
      const shared = <T extends { owner: string; visibility: Visibility; deletedAt?: string | null }>(record: T) =>
        record.owner === coacheeId && isLive(record) && SHARED_WITH_COACH.has(record.visibility);
      const [challenges, trials, measures, entries] = await Promise.all([
        db.challenges.filter(shared).toArray(),
        db.trials.filter(shared).toArray(),
        db.measures.filter(shared).toArray(),
        db.logEntries.filter(shared).toArray(),
      ]);
      return {
        challenges: challenges.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
        trials: trials.sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.createdAt.localeCompare(a.createdAt)),
        measures: measures.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        entries: entries.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
      };
    },
  };
}
export type CoachingRepository = ReturnType<typeof createCoachingRepository>;
