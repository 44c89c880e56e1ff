import { useState } from 'react';
import { formatUkDate } from '../../domain/dates';
import type { InvitationSummary } from '../../domain/sets/cohortApi';
import type { LearningSet } from '../../domain/sets/learningSet';
import type { Membership } from '../../domain/sets/membership';
import { cohortFailureMessage } from './cohortApi';
import { useCohortApi } from './CohortApiContext';
import { invitationStateText, roleTitle } from './cohortText';
import type { ServerAnswer } from './useServerAnswer';
import { FormError } from '../ui/FormError';

interface InvitationListProps {
  readonly answer: ServerAnswer<InvitationSummary[]>;
  readonly sets: LearningSet[];
  readonly members: Membership[];
  /** Ask the server for the list again (after a cancel, or to retry). */
  readonly reload: () => void;
}

/** Who has been invited, as what, and where each invitation stands; pending ones can be cancelled. */
export function InvitationList({ answer, sets, members, reload }: InvitationListProps) {
  const api = useCohortApi();
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (answer.state === 'loading') return <p className="muted">Asking the server for the invitations…</p>;
  if (answer.state === 'failed') {
    return (
      <>
        <p role="alert">{answer.offline ? 'The list of invitations needs a connection. It will be here when you are online.' : answer.message}</p>
        <button type="button" className="button" onClick={reload}>
          Try again
        </button>
      </>
    );
  }
  if (answer.data.length === 0) return <p className="muted">No invitations yet.</p>;

  const forWhat = (invitation: InvitationSummary) => {
    if (invitation.role === 'coach') {
      const coachee = members.find((m) => m.userId === invitation.coacheeId && m.role === 'participant')?.displayName ?? 'a participant';
      return `Coach to ${coachee}`;
    }
    const set = sets.find((s) => s.id === invitation.setId)?.name ?? 'a set';
    return `${roleTitle(invitation.role)} in ${set}`;
  };

  async function cancel(invitation: InvitationSummary) {
    setCancelling(invitation.id);
    setError(null);
    try {
      await api.cancelInvitation(invitation.id);
      reload();
    } catch (caught) {
      setError(cohortFailureMessage(caught));
    } finally {
      setCancelling(null);
    }
  }

  return (
    <>
      <FormError message={error} />
      <ul className="cohort-members" aria-label="Invitations">
        {answer.data.map((invitation) => (
          <li key={invitation.id} className="cohort-member">
            <div className="cohort-member__facts">
              <strong>{invitation.displayName}</strong> <span className="status-tag">{invitationStateText(invitation.state)}</span>
              <span className="record-list__meta record-list__line">
                {forWhat(invitation)} · {invitation.email}
              </span>
              <span className="record-list__meta record-list__line">
                {invitation.state === 'pending' || invitation.state === 'expired'
                  ? `${invitation.state === 'pending' ? 'Expires' : 'Expired'} on ${formatUkDate(invitation.expiresAt)}`
                  : `Made on ${formatUkDate(invitation.createdAt)}`}
              </span>
            </div>
            {invitation.state === 'pending' ? (
              <div className="button-row">
                <button
                  type="button"
                  className="button button--danger"
                  disabled={cancelling === invitation.id}
                  onClick={() => void cancel(invitation)}
                  aria-label={`Cancel the invitation for ${invitation.displayName}`}
                >
                  Cancel
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
