import { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
import type { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { newId } from '../../../../src/domain/ids';
import { membershipContentSchema, type MembershipContent } from '../../../../src/domain/sets/membership';

/** Invented people of one cohort: Priya's set at Oakfield Primary, and her coach. */
export const PRIYA = 'user-priya';
export const SAM = 'user-sam';
export const COHORT = 'cohort-2026';
export const SET = 'set-oakfield';

/** Who this device belongs to (what signing in writes), so new records are theirs. */
export async function actAs(db: SetwiseDatabase, userId: string): Promise<void> {
  await db.meta.put({ key: 'owner', value: userId });
}

/** A membership as the server would have written it, put on the device through writeRecordChange. */
export async function addMembership(db: SetwiseDatabase, content: Partial<MembershipContent> & Pick<MembershipContent, 'userId' | 'displayName' | 'role'>): Promise<void> {
  await writeRecordChange(db, {
    table: 'memberships',
    recordId: newId(),
    fields: membershipContentSchema.parse({ cohortId: COHORT, ...content }),
    create: true,
  });
}

/**
 * Priya's set: Priya, five other participants and a facilitator (so six other people), one
 * member who withdrew (not counted), and Sam Lee coaching Priya.
 */
export async function seedPriyasSetAndCoach(db: SetwiseDatabase): Promise<void> {
  await addMembership(db, { userId: PRIYA, displayName: 'Priya Shah', role: 'participant', setId: SET });
  const others = ['Tom Hale', 'Aisha Khan', 'Ben Moss', 'Ruth Okafor', 'Dan Pryce'];
  for (const [index, name] of others.entries()) {
    await addMembership(db, { userId: `user-${index}`, displayName: name, role: 'participant', setId: SET });
  }
  await addMembership(db, { userId: 'user-facilitator', displayName: 'Jo Lund', role: 'facilitator', setId: SET });
  await addMembership(db, {
    userId: 'user-left',
    displayName: 'Nell Carr',
    role: 'participant',
    setId: SET,
    status: 'withdrawn',
    withdrawnOn: '2026-02-01',
  });
  await addMembership(db, { userId: SAM, displayName: 'Sam Lee', role: 'coach', coacheeId: PRIYA });
}
