import type { Cohort } from '../sets/cohort';
import { isActiveMembership, type Membership } from '../sets/membership';
import type { Access } from './Access';
import {
  cohortAdminToken,
  cohortToken,
  setToken,
  sharedWithCoachToken,
  sharedWithSetToken,
  userToken,
} from './audienceTokens';

export interface AccessInputs {
  readonly userId: string;
  readonly roles: readonly string[];
  /** This person's memberships (any status). */
  readonly ownMemberships: readonly Membership[];
  /** Memberships of everyone in the sets this person is active in (any status). */
  readonly setMemberships: readonly Membership[];
  /** Cohorts that list this person as a coordinator. */
  readonly coordinatedCohorts: readonly Cohort[];
}

/**
 * Works out what a person holds from their memberships. Only active memberships count: a
 * withdrawn participant keeps their own records (user token) but no longer sees the set's, and
 * their set no longer sees what they had shared.
 */
export function buildAccess(inputs: AccessInputs): Access {
  const tokens = new Set<string>([userToken(inputs.userId)]);
  const coordinates = new Set<string>();
  const facilitates = new Set<string>();
  const memberOf = new Set<string>();
  const coaches = new Set<string>();

  for (const cohort of inputs.coordinatedCohorts) {
    if (cohort.deletedAt != null || !cohort.coordinatorIds.includes(inputs.userId)) continue;
    coordinates.add(cohort.id);
    tokens.add(cohortAdminToken(cohort.id));
    tokens.add(cohortToken(cohort.id));
  }
  for (const membership of inputs.ownMemberships) {
    if (membership.userId !== inputs.userId || !isActiveMembership(membership)) continue;
    tokens.add(cohortToken(membership.cohortId));
    if (membership.role === 'coach' && membership.coacheeId) {
      coaches.add(membership.coacheeId);
      tokens.add(sharedWithCoachToken(membership.coacheeId));
    }
    if (membership.role !== 'coach' && membership.setId) {
      memberOf.add(membership.setId);
      tokens.add(setToken(membership.setId));
      if (membership.role === 'facilitator') facilitates.add(membership.setId);
    }
  }
  for (const fellow of inputs.setMemberships) {
    if (!isActiveMembership(fellow) || fellow.role !== 'participant' || !fellow.setId) continue;
    if (fellow.userId === inputs.userId || !memberOf.has(fellow.setId)) continue;
    tokens.add(sharedWithSetToken(fellow.userId));
  }
  return { userId: inputs.userId, roles: inputs.roles, tokens, coordinates, facilitates, memberOf, coaches };
}

/** A short, stable digest of the tokens: a device that saw a different one must resync. */
export function accessDigest(access: Pick<Access, 'tokens'>): string {
  const sorted = [...access.tokens].sort().join('\n');
  // FNV-1a, 2 × 32 bits: a change detector, not a security boundary (the server checks every read).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < sorted.length; i += 1) {
    const code = sorted.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${access.tokens.size}`;
}
