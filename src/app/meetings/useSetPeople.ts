import { useMemo } from 'react';
import { isActiveMembership, type Membership } from '../../domain/sets/membership';
import { useLive } from '../db/useLiveRecords';

/** Who is in a set, from this person's point of view. */
export interface SetPeople {
  readonly me: string;
  readonly isFacilitator: boolean;
  /** Everyone in the set (facilitator first, then by name), withdrawn members included. */
  readonly members: readonly Membership[];
  /** Active participants: the people who present at meetings and own actions. */
  readonly participants: readonly Membership[];
  nameOf(userId: string): string;
}

/** The set's people and whether I facilitate it; undefined while loading. */
export function useSetPeople(setId: string | undefined): SetPeople | undefined {
  const data = useLive(
    async (repositories) => {
      if (!setId) return null;
      const [me, mySets, members] = await Promise.all([
        repositories.directory.me(),
        repositories.directory.mySets(),
        repositories.directory.setMembers(setId),
      ]);
      return { me, members, isFacilitator: mySets.some(({ set, role }) => set.id === setId && role === 'facilitator') };
    },
    [setId],
  );
  return useMemo(() => {
    if (!data) return undefined;
    const names = new Map(data.members.map((m) => [m.userId, m.displayName]));
    return {
      ...data,
      participants: data.members.filter((m) => m.role === 'participant' && isActiveMembership(m)),
      nameOf: (userId: string) => names.get(userId) ?? 'A former member',
    };
  }, [data]);
}
