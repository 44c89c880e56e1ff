import type { Access } from '../../domain/access/Access';
import { setToken, userToken } from '../../domain/access/audienceTokens';
import { buildAccess } from '../../domain/access/buildAccess';
import { cohortSchema, type Cohort } from '../../domain/sets/cohort';
import { isActiveMembership, membershipSchema, type Membership } from '../../domain/sets/membership';
import type { SyncTableName } from '../../domain/sync/syncTables';
import type { StoredRecord } from '../storage/Store';

/** Where memberships and cohorts are read from: the store, or a transaction in progress. */
export interface AccessSource {
  findRecordsByToken(token: string, table?: SyncTableName): Promise<StoredRecord[]>;
}

function memberships(records: readonly StoredRecord[]): Membership[] {
  return records.flatMap((record) => {
    const parsed = membershipSchema.safeParse(record.doc);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * What `userId` may read and write right now, from the stored memberships and cohorts. Worked
 * out on every request (a few indexed reads), so a coordinator's change takes effect at once.
 */
export async function loadAccess(store: AccessSource, user: { id: string; roles: readonly string[] }): Promise<Access> {
  const [mine, cohortRecords] = await Promise.all([
    store.findRecordsByToken(userToken(user.id), 'memberships'),
    store.findRecordsByToken(userToken(user.id), 'cohorts'),
  ]);
  // A coach's membership also carries their coachee's token: keep only this person's own.
  const ownMemberships = memberships(mine).filter((m) => m.userId === user.id);
  const setIds = [...new Set(ownMemberships.filter((m) => isActiveMembership(m) && m.role !== 'coach' && m.setId).map((m) => m.setId as string))];
  const setMemberships = (await Promise.all(setIds.map((setId) => store.findRecordsByToken(setToken(setId), 'memberships')))).flatMap(memberships);
  const coordinatedCohorts = cohortRecords.flatMap((record): Cohort[] => {
    const parsed = cohortSchema.safeParse(record.doc);
    return parsed.success ? [parsed.data] : [];
  });
  return buildAccess({ userId: user.id, roles: user.roles, ownMemberships, setMemberships, coordinatedCohorts });
}
