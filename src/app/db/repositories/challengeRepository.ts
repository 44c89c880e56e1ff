import {
  challengeContentSchema,
  type ChallengeContent,
  type ChallengeRevision,
  type LeadershipChallenge,
} from '../../../domain/challenge';
import { newId } from '../../../domain/ids';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { ownWritingFilter } from './ownWriting';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { setRecordVisibility } from './recordVisibility';

/**
 * A participant holds one leadership challenge. Every save also appends an immutable
 * revision (a snapshot of the saved version), so the history of how the challenge changed
 * — the head left, the school converted — is kept.
 */
export function createChallengeRepository(db: SetwiseDatabase) {
  async function current(): Promise<LeadershipChallenge | undefined> {
    const mine = await ownWritingFilter(db);
    const all = await db.challenges.toArray();
    // Should two devices each have started a challenge offline, show the one made first.
    // Only this person's own: a set member's shared challenge is theirs, not "My challenge".
    return all.filter((challenge) => isLive(challenge) && mine(challenge)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
  }

  return {
    current,

    /** Creates the challenge or saves a new version of it; returns the saved challenge. */
    async save(input: Partial<ChallengeContent>, reason = ''): Promise<LeadershipChallenge> {
      const content = challengeContentSchema.parse(input);
      return db.transaction('rw', [db.challenges, db.challengeRevisions, db.outbox, db.meta], async () => {
        const existing = await current();
        let saved: LeadershipChallenge;
        if (existing) {
          const fields = changedFields(challengeContentSchema.parse(existing), content, Object.keys(content));
          if (Object.keys(fields).length === 0) return existing;
          saved = await writeRecordChange<LeadershipChallenge>(db, { table: 'challenges', recordId: existing.id, fields });
        } else {
          saved = await writeRecordChange<LeadershipChallenge>(db, {
            table: 'challenges',
            recordId: newId(),
            fields: content,
            create: true,
          });
        }
        await writeRecordChange<ChallengeRevision>(db, {
          table: 'challengeRevisions',
          recordId: newId(),
          fields: {
            challengeId: saved.id,
            revisedAt: saved.updatedAt,
            reason: reason.trim(),
            snapshot: challengeContentSchema.parse(saved),
          },
          create: true,
        });
        return saved;
      });
    },

    /** Who can see the challenge. Not a new version of it: the history keeps what it says. */
    async setVisibility(id: string, visibility: Visibility): Promise<LeadershipChallenge> {
      return setRecordVisibility<LeadershipChallenge>(db, 'challenges', id, visibility, 'This challenge no longer exists on this device.');
    },

    /** Newest first. */
    async revisions(challengeId: string): Promise<ChallengeRevision[]> {
      const revisions = await db.challengeRevisions.where('challengeId').equals(challengeId).toArray();
      return revisions.filter(isLive).sort((a, b) => b.revisedAt.localeCompare(a.revisedAt) || b.id.localeCompare(a.id));
    },
  };
}
export type ChallengeRepository = ReturnType<typeof createChallengeRepository>;
