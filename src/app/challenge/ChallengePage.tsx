import { Link, Redirect, Route, Switch } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { ChallengeFormPage } from './ChallengeFormPage';
import { ChallengeView } from './ChallengeView';

/** "My challenge": the question the participant works on all year, with its history. */
export function ChallengePage() {
  // null = no challenge yet; undefined = still loading.
  const challenge = useLive(async (repositories) => (await repositories.challenge.current()) ?? null);
  if (challenge === undefined) return null;

  return (
    <Switch>
      <Route path="/new">
        <ChallengeFormPage existing={challenge} />
      </Route>
      <Route path="/edit">
        {challenge ? <ChallengeFormPage existing={challenge} /> : <Redirect to="/new" replace />}
      </Route>
      <Route path="/">
        {challenge ? (
          <ChallengeView challenge={challenge} />
        ) : (
          <>
            <PageHeader title="My challenge" />
            <EmptyState title="No challenge yet">
              <p>Your challenge is the question you'll work on all year. Start with what worries you.</p>
              <div className="button-row">
                <Link href="/new" className="button button--primary">
                  Write my challenge
                </Link>
              </div>
            </EmptyState>
          </>
        )}
      </Route>
      <Route>
        <Redirect to="/" replace />
      </Route>
    </Switch>
  );
}
