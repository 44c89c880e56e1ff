import { useEffect, useState } from 'react';
import type { LeadershipChallenge } from '../../domain/challenge';
import { useRepositories } from '../db/RepositoryContext';
import { PageHeader } from '../ui/PageHeader';
import { CHALLENGE_DRAFT_KEY, parseChallengeDraft, type ChallengeFormValues } from './challengeFormSchema';
import { ChallengeForm } from './ChallengeForm';

/** Writes or revises the challenge, first bringing back any unsaved draft from last time. */
export function ChallengeFormPage({ existing }: { readonly existing: LeadershipChallenge | null }) {
  const repositories = useRepositories();
  const [draft, setDraft] = useState<{ values: ChallengeFormValues | null } | null>(null);

  useEffect(() => {
    let active = true;
    void repositories.drafts.get(CHALLENGE_DRAFT_KEY).then(
      (value) => active && setDraft({ values: parseChallengeDraft(value) }),
      () => active && setDraft({ values: null }),
    );
    return () => {
      active = false;
    };
  }, [repositories]);

  return (
    <>
      <PageHeader title={existing ? 'Revise my challenge' : 'Write my challenge'} />
      {existing ? (
        <p className="muted">Saving keeps the earlier version in your challenge's history.</p>
      ) : (
        <p className="muted">Your challenge is the question you'll work on all year. Start with what worries you.</p>
      )}
      {draft ? <ChallengeForm existing={existing} draft={draft.values} /> : null}
    </>
  );
}
