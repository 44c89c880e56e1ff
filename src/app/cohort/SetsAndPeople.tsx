import { useState } from 'react';
import type { LearningSet } from '../../domain/sets/learningSet';
import { isActiveMembership, type Membership } from '../../domain/sets/membership';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { roleTitle } from './cohortText';
import { MemberRow } from './MemberRow';
import { SetNameForm } from './SetNameForm';

/** Facilitator first, then active people by name, then those who withdrew. */
function inSetOrder(a: Membership, b: Membership): number {
  return (
    Number(!isActiveMembership(a)) - Number(!isActiveMembership(b)) ||
    Number(a.role !== 'facilitator') - Number(b.role !== 'facilitator') ||
    a.displayName.localeCompare(b.displayName)
  );
}

function SetSection({ set, sets, members }: { readonly set: LearningSet; readonly sets: LearningSet[]; readonly members: Membership[] }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const [renaming, setRenaming] = useState(false);
  const headingId = `set-${set.id}-heading`;

  async function remove() {
    await repositories.cohort.removeSet(set.id);
    showToast({ message: `${set.name} removed.`, actionLabel: 'Undo', onAction: () => repositories.cohort.restoreSet(set.id) });
  }

  return (
    <section className="card cohort-set" aria-labelledby={headingId}>
      {renaming ? (
        <SetNameForm
          id={`rename-${set.id}`}
          label={`New name for ${set.name}`}
          initialName={set.name}
          submitLabel="Save name"
          onSave={async (name) => {
            await repositories.cohort.renameSet(set.id, name);
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="cohort-set__header">
          <h3 id={headingId}>{set.name}</h3>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setRenaming(true)} aria-label={`Rename ${set.name}`}>
              Rename
            </button>
            {members.length === 0 ? (
              <button type="button" className="button button--danger" onClick={() => void remove()} aria-label={`Remove ${set.name}`}>
                Remove
              </button>
            ) : null}
          </div>
        </div>
      )}
      {members.length === 0 ? (
        <p className="muted">No one in this set yet. Invite its facilitator and participants from Invitations.</p>
      ) : (
        <ul className="cohort-members" aria-label={`People in ${set.name}`}>
          {members.map((member) => (
            <MemberRow key={member.id} member={member} sets={sets} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The cohort's sets, and the people in each with their role and status. */
export function SetsAndPeople({ cohortId }: { readonly cohortId: string }) {
  const repositories = useRepositories();
  const sets = useLive((r) => r.directory.sets(cohortId), [cohortId]);
  const members = useLive((r) => r.directory.cohortMembers(cohortId), [cohortId]);
  if (sets === undefined || members === undefined) return null;

  const coaches = members.filter((m) => m.role === 'coach');
  const nameOf = (userId: string | null) => members.find((m) => m.userId === userId && m.role === 'participant')?.displayName ?? 'a participant';
  const setIds = new Set(sets.map((set) => set.id));
  const inNoSet = members.filter((m) => m.role !== 'coach' && (m.setId === null || !setIds.has(m.setId)));

  return (
    <section aria-labelledby="sets-heading">
      <h2 id="sets-heading">Sets and people</h2>
      {sets.length === 0 ? (
        <p>A set is 5–8 participants and a facilitator who meet through the year. Add the cohort’s sets, then invite people to them.</p>
      ) : null}
      <SetNameForm
        id="new-set-name"
        label="Add a set"
        initialName=""
        submitLabel="Add set"
        onSave={async (name) => {
          await repositories.cohort.createSet(cohortId, name);
        }}
      />
      {sets.map((set) => (
        <SetSection key={set.id} set={set} sets={sets} members={members.filter((m) => m.role !== 'coach' && m.setId === set.id).sort(inSetOrder)} />
      ))}
      {inNoSet.length > 0 ? (
        <section className="card" aria-labelledby="no-set-heading">
          <h3 id="no-set-heading">Not in a set</h3>
          <ul className="cohort-members" aria-label="People not in a set">
            {inNoSet.sort(inSetOrder).map((member) => (
              <MemberRow key={member.id} member={member} sets={sets} />
            ))}
          </ul>
        </section>
      ) : null}
      {coaches.length > 0 ? (
        <section className="card" aria-labelledby="coaches-heading">
          <h3 id="coaches-heading">Coaches</h3>
          <ul className="cohort-members" aria-label="Coaches">
            {coaches.sort(inSetOrder).map((coach) => (
              <MemberRow key={coach.id} member={coach} sets={sets} detail={`${roleTitle('coach')} to ${nameOf(coach.coacheeId)}`} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
