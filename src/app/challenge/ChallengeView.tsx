import { Link } from 'wouter';
import { challengeContentSchema, type LeadershipChallenge } from '../../domain/challenge';
import { formatUkDate } from '../../domain/dates';
import { PageHeader } from '../ui/PageHeader';
import { VisibilityNote } from '../ui/VisibilityNote';
import { ChallengeFields } from './ChallengeFields';
import { ChallengeMeasures } from './ChallengeMeasures';
import { ChallengeTrials } from './ChallengeTrials';
import { RevisionHistory } from './RevisionHistory';

/** The challenge as it stands, then its trials, its measures and how it has changed. */
export function ChallengeView({ challenge }: { readonly challenge: LeadershipChallenge }) {
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
        <VisibilityNote visibility={challenge.visibility} />
        <p className="muted">Last changed {formatUkDate(challenge.updatedAt)}</p>
        <ChallengeFields content={content} level={2} />
      </article>
      <ChallengeTrials challengeId={challenge.id} />
      <ChallengeMeasures challengeId={challenge.id} />
      <RevisionHistory challengeId={challenge.id} />
    </>
  );
}
