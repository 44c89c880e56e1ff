import { Link } from 'wouter';
import { challengeContentSchema, type LeadershipChallenge } from '../../domain/challenge';
import { formatUkDate } from '../../domain/dates';
import { useRepositories } from '../db/RepositoryContext';
import { PageHeader } from '../ui/PageHeader';
import { VisibilityControl } from '../ui/VisibilityControl';
import { ChallengeFields } from './ChallengeFields';
import { ChallengeMeasures } from './ChallengeMeasures';
import { ChallengeTrials } from './ChallengeTrials';
import { RevisionHistory } from './RevisionHistory';

/** The challenge as it stands, then its trials, its measures and how it has changed. */
export function ChallengeView({ challenge }: { readonly challenge: LeadershipChallenge }) {
  const repositories = useRepositories();
  const content = challengeContentSchema.parse(challenge);
  return (
    <>
      <PageHeader
        title="My challenge"
        actions={
          <Link href="/edit" className="button button--primary">
            Revise my challenge
          </Link>
        }
      />
      <article className="card" aria-label="The challenge">
        <VisibilityControl
          visibility={challenge.visibility}
          ownerId={challenge.owner}
          onChange={(visibility) => repositories.challenge.setVisibility(challenge.id, visibility)}
        />
        <p className="muted">Last changed {formatUkDate(challenge.updatedAt)}</p>
        <ChallengeFields content={content} level={2} />
      </article>
      <ChallengeTrials challengeId={challenge.id} />
      <ChallengeMeasures challengeId={challenge.id} />
      <RevisionHistory challengeId={challenge.id} />
      <p><Link href="~/diagnostic" className="button button--quiet">Leadership diagnostic</Link></p>
    </>
  );
}
