import type { LeadershipChallenge } from '../../../domain/challenge';
import type { ImpactMeasure } from '../../../domain/impactMeasure';
import type { LogEntry } from '../../../domain/logEntry';
import { isActiveMembership } from '../../../domain/sets/membership';
import type { StrategyTrial } from '../../../domain/strategyTrial';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';

interface SharedBy {
  readonly ownerName: string;
}

/** One item a set member shares with the set, with the name the set knows them by. */
export type SharedItem =
  | (SharedBy & { readonly table: 'challenges'; readonly record: LeadershipChallenge })
  | (SharedBy & { readonly table: 'trials'; readonly record: StrategyTrial })
  | (SharedBy & { readonly table: 'measures'; readonly record: ImpactMeasure })
  | (SharedBy & { readonly table: 'logEntries'; readonly record: LogEntry });

const SET_VISIBILITIES: ReadonlySet<Visibility> = new Set(['set', 'set_and_coach']);

/**
 * What the set's other members share with it, most recently changed first. Such items reach
 * this device only because they were shared; filtering by owner keeps out items that arrived
 * for another reason (e.g. shared with this person as someone's coach).
 */
export async function listSharedWithSet(db: SetwiseDatabase, setId: string): Promise<SharedItem[]> {
  const me = await getOwner(db);
  const members = (await db.memberships.where('setId').equals(setId).toArray()).filter(
    (m) => isActiveMembership(m) && m.role !== 'coach' && m.userId !== me,
  );
  const names = new Map(members.map((m) => [m.userId, m.displayName]));
  const sharedBySomeone = <T extends { owner: string; visibility: Visibility; deletedAt?: string | null }>(record: T) =>
    isLive(record) && names.has(record.owner) && SET_VISIBILITIES.has(record.visibility);
  const ownerName = (record: { owner: string }) => names.get(record.owner) ?? '';

  const [challenges, trials, measures, entries] = await Promise.all([
    db.challenges.toArray(),
    db.trials.toArray(),
    db.measures.toArray(),
    db.logEntries.toArray(),
  ]);
  const items: SharedItem[] = [
    ...challenges.filter(sharedBySomeone).map((record) => ({ table: 'challenges' as const, record, ownerName: ownerName(record) })),
    ...trials.filter(sharedBySomeone).map((record) => ({ table: 'trials' as const, record, ownerName: ownerName(record) })),
    ...measures.filter(sharedBySomeone).map((record) => ({ table: 'measures' as const, record, ownerName: ownerName(record) })),
    ...entries.filter(sharedBySomeone).map((record) => ({ table: 'logEntries' as const, record, ownerName: ownerName(record) })),
  ];
  return items.sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt));
}
