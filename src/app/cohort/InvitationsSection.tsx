import { useState } from 'react';
import type { CreatedInvitation } from '../../domain/sets/cohortApi';
import { isActiveMembership } from '../../domain/sets/membership';
import { useLive } from '../db/useLiveRecords';
import { useCohortApi } from './CohortApiContext';
import { CreatedInvitationCard } from './CreatedInvitationCard';
import { InvitationForm } from './InvitationForm';
import { InvitationList } from './InvitationList';
import { useOnline } from './useOnline';
import { useServerAnswer } from './useServerAnswer';

/** Inviting people (this needs a connection: the server makes the code) and the invitations made so far. */
export function InvitationsSection({ cohortId }: { readonly cohortId: string }) {
  const api = useCohortApi();
  const online = useOnline();
  const sets = useLive((r) => r.directory.sets(cohortId), [cohortId]);
  const members = useLive((r) => r.directory.cohortMembers(cohortId), [cohortId]);
  const invitations = useServerAnswer(() => api.listInvitations(cohortId), [cohortId]);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  if (sets === undefined || members === undefined) return null;

  const participants = members.filter((m) => m.role === 'participant' && isActiveMembership(m));

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <p>Each invitation is for one named person. They open the link (or type the code), see what they are joining, and make their account.</p>
      {online ? null : (
        <p className="warning" role="status">
          You are offline. Invitations need a connection to the Setwise server: what you type here stays, and you can send it when you
          are back online.
        </p>
      )}
      {created ? (
        <CreatedInvitationCard created={created} onDone={() => setCreated(null)} />
      ) : (
        <section className="card" aria-labelledby="invite-heading">
          <h3 id="invite-heading">Invite someone</h3>
          {sets.length === 0 ? <p className="muted">Add the cohort’s sets first (in Sets and people), then invite people to them.</p> : null}
          <InvitationForm
            cohortId={cohortId}
            sets={sets}
            participants={participants}
            onCreated={(answer) => {
              setCreated(answer);
              invitations.reload();
            }}
          />
        </section>
      )}
      <h3>Invitations made</h3>
      <InvitationList answer={invitations.answer} sets={sets} members={members} reload={invitations.reload} />
    </section>
  );
}
