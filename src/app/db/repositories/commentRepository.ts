import { newId } from '../../../domain/ids';
import { commentContentSchema, type Comment, type CommentableTable } from '../../../domain/sets/comment';
import { isLive } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { createDirectoryRepository } from './directoryRepository';
import { markDeleted, markRestored } from './tombstones';

/**
 * Comments on things shared with a set (a round, the meeting's shared learning, a member's
 * shared trial…). Whoever sees the item sees its comments; only the author may remove one —
 * the server enforces that (src/domain/access/sharedRecordRules.ts), this only says so sooner.
 */
export function createCommentRepository(db: SetwiseDatabase) {
  const directory = createDirectoryRepository(db);

  async function ownComment(id: string): Promise<Comment> {
    const comment = await db.comments.get(id);
    if (!comment) throw new Error('This comment is not on this device any more.');
    if (comment.owner !== (await getOwner(db))) throw new Error('Only its author can remove a comment.');
    return comment;
  }

  return {
    async add(targetTable: CommentableTable, targetId: string, body: string): Promise<Comment> {
      const authorName = (await directory.nameOf(await directory.me())) ?? '';
      const content = commentContentSchema.parse({ targetTable, targetId, body, authorName });
      return writeRecordChange<Comment>(db, { table: 'comments', recordId: newId(), fields: content, create: true });
    },

    /** Oldest first, as a conversation reads. */
    async list(targetId: string): Promise<Comment[]> {
      const comments = (await db.comments.where('targetId').equals(targetId).toArray()).filter(isLive);
      return comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },

    async remove(id: string): Promise<void> {
      await ownComment(id);
      await markDeleted(db, 'comments', id);
    },

    async restore(id: string): Promise<void> {
      await ownComment(id);
      await markRestored(db, 'comments', id);
    },
  };
}
export type CommentRepository = ReturnType<typeof createCommentRepository>;
