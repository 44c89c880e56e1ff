import { changedChallengeFields } from '../../domain/challenge';
import { formatUkDate } from '../../domain/dates';
import { useLive } from '../db/useLiveRecords';
import { ChallengeFields } from './ChallengeFields';
import { CHALLENGE_FIELD_LABELS } from './challengeText';

/** Every saved version, newest first: when, why, and what changed from the one before. */
export function RevisionHistory({ challengeId }: { readonly challengeId: string }) {
  const revisions = useLive((repositories) => repositories.challenge.revisions(challengeId), [challengeId]);
  if (revisions === undefined) return null;

  return (
    <section aria-labelledby="revision-history-heading">
      <h2 id="revision-history-heading">How your challenge has changed</h2>
      {revisions.length === 0 ? <p className="muted">No versions saved yet.</p> : null}
      <ol className="details-list">
        {revisions.map((revision, index) => {
          const previous = revisions[index + 1];
          const changed = previous ? changedChallengeFields(previous.snapshot, revision.snapshot) : null;
          const number = revisions.length - index;
          return (
            <li key={revision.id} className="card">
              <h3>
                Version {number} · {formatUkDate(revision.revisedAt)}
              </h3>
              {revision.reason ? <p>Why: {revision.reason}</p> : <p className="muted">No reason given.</p>}
              {changed === null ? (
                <p className="muted">The first version.</p>
              ) : (
                <p>
                  Changed: {changed.length > 0 ? changed.map((field) => CHALLENGE_FIELD_LABELS[field]).join(', ') : 'nothing'}
                </p>
              )}
              <details>
                <summary>Read version {number} in full</summary>
                <ChallengeFields content={revision.snapshot} level={4} />
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
