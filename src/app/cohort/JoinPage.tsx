import { useAccountStore } from '../account/accountStore';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import './cohort.css';
import { useCohortApi } from './CohortApiContext';
import { EnterCodeForm } from './EnterCodeForm';
import { JoinWithNewAccountForm } from './JoinWithNewAccountForm';
import { JoinWithThisAccount } from './JoinWithThisAccount';
import { expirySentence, invitationSentence } from './joinText';
import { useServerAnswer } from './useServerAnswer';

/**
 * Where an invitation lands: /join/<code> from the link, or /join to type the code. It shows
 * what the invitation is for (or, in plain words, why it cannot be used), then the way in.
 */
export function JoinPage({ params }: { readonly params: { readonly code?: string } }) {
  const code = params.code ? readableCode(params.code) : null;
  return (
    <>
      <PageHeader title="Join your cohort" />
      {code ? (
        <JoinInvitation key={code} code={code} />
      ) : (
        <section className="card">
          <p>Your coordinator sent you a link or a code. Type the code here to see what you are invited to.</p>
          <EnterCodeForm />
        </section>
      )}
    </>
  );
}

/** The code as it came in the address; a malformed escape is passed on as typed (the server says it is unknown). */
function readableCode(fromPath: string): string {
  try {
    return decodeURIComponent(fromPath);
  } catch {
    return fromPath;
  }
}

function JoinInvitation({ code }: { readonly code: string }) {
  const api = useCohortApi();
  const account = useAccountStore((state) => state.account);
  const { answer, refreshing, reload } = useServerAnswer(() => api.previewInvitation(code), [code]);

  if (answer.state === 'loading') return <p className="muted">Looking up your invitation…</p>;
  if (answer.state === 'failed') {
    return (
      <EmptyState title={answer.offline ? 'No connection' : 'This invitation cannot be used'}>
        <p role="alert">
          {answer.offline ? 'You are offline. Opening an invitation needs a connection; try again when you are online.' : answer.message}
        </p>
        {answer.offline ? (
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={refreshing} onClick={reload}>
              Try again
            </button>
          </div>
        ) : (
          <>
            <h3>Have another code?</h3>
            <EnterCodeForm />
          </>
        )}
      </EmptyState>
    );
  }

  const preview = answer.data;
  return (
    <>
      <section className="card cohort-invite" aria-label="Your invitation">
        <p className="cohort-invite__sentence">{invitationSentence(preview)}</p>
        <p>{expirySentence(preview)}</p>
      </section>
      <section className="card">
        {account ? <JoinWithThisAccount code={code} preview={preview} account={account} /> : <JoinWithNewAccountForm code={code} preview={preview} />}
      </section>
    </>
  );
}
