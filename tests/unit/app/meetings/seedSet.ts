import type { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
import type { MemberRole, MembershipStatus } from '../../../../src/domain/sets/membership';

/** Invented people of one set (none of them from the source documents). */
export const PEOPLE = {
  facilitator: { userId: 'u-maya', displayName: 'Maya Fenwick', role: 'facilitator' },
  priya: { userId: 'u-priya', displayName: 'Priya Shah', role: 'participant' },
  tom: { userId: 'u-tom', displayName: 'Tom Okafor', role: 'participant' },
  aisha: { userId: 'u-aisha', displayName: 'Aisha Khan', role: 'participant' },
  dan: { userId: 'u-dan', displayName: 'Dan Reilly', role: 'participant', status: 'withdrawn' },
} as const satisfies Record<string, { userId: string; displayName: string; role: MemberRole; status?: MembershipStatus }>;

export const SET_ID = 'set-a';
export const COHORT_ID = 'cohort-1';

/** The device's signed-in person, as sign-in records it. */
export async function signInAs(db: SetwiseDatabase, userId: string): Promise<void> {
  await db.meta.put({ key: 'owner', value: userId });
}

/**
 * Puts a set ("Set A — primary") and its memberships on the device as sync would: Maya
 * facilitates; Priya, Tom and Aisha take part; Dan has withdrawn. The device belongs to `me`.
 */
export async function seedSet(db: SetwiseDatabase, me: string): Promise<void> {
  await signInAs(db, me);
  await writeRecordChange(db, {
    table: 'learningSets',
    recordId: SET_ID,
    fields: { cohortId: COHORT_ID, name: 'Set A — primary' },
    create: true,
  });
  for (const person of Object.values(PEOPLE)) {
    await writeRecordChange(db, {
      table: 'memberships',
      recordId: `m-${person.userId}`,
      fields: {
        cohortId: COHORT_ID,
        userId: person.userId,
        displayName: person.displayName,
        role: person.role,
        setId: SET_ID,
        coacheeId: null,
        status: 'status' in person ? person.status : 'active',
        withdrawnOn: 'status' in person ? '2026-01-10' : null,
      },
      create: true,
    });
  }
}

/** Runs `write` as someone else on this device, e.g. notes the facilitator wrote that synced here. */
export async function actingAs<T>(db: SetwiseDatabase, userId: string, write: () => Promise<T>): Promise<T> {
  const me = (await db.meta.get('owner'))?.value;
  await signInAs(db, userId);
  try {
    return await write();
  } finally {
    if (typeof me === 'string') await signInAs(db, me);
  }
}
