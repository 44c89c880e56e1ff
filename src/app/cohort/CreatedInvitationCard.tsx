import { useState } from 'react';
import { formatUkDate } from '../../domain/dates';
import type { CreatedInvitation } from '../../domain/sets/cohortApi';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The code, shown once (the server keeps only its hash), large enough to read aloud, and the
 * link to send. Copying needs the clipboard; when it is refused the link can be selected by hand.
 */
export function CreatedInvitationCard({ created, onDone }: { readonly created: CreatedInvitation; readonly onDone: () => void }) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const link = `${window.location.origin}${created.path}`;
  const { invitation } = created;

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section className="card cohort-created" aria-labelledby="created-invitation-heading">
      <h3 id="created-invitation-heading">Invitation for {invitation.displayName}</h3>
      <p>Send {invitation.displayName} this link, or read them the code. It works once, until {formatUkDate(invitation.expiresAt)}.</p>
      <p className="cohort-created__label">Code</p>
      <p className="cohort-created__code">
        {created.code}
      </p>
      <p className="cohort-created__label">Link</p>
      <p className="cohort-created__link">{link}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void copyLink()}>
          Copy link
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Invite someone else
        </button>
      </div>
      <p role="status" className="muted">
        {copy === 'copied' ? 'Link copied.' : copy === 'failed' ? 'This browser would not copy it: select the link above and copy it by hand.' : ''}
      </p>
      <p className="muted">This code is shown only now. If it is lost, cancel this invitation and make a new one.</p>
    </section>
  );
}
