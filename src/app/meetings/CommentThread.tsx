import { useState, type FormEvent } from 'react';
import { formatUkDateTime } from '../../domain/dates';
import type { CommentableTable } from '../../domain/sets/comment';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { describedBy, Field } from '../ui/Field';
import { useToastStore } from '../ui/toastStore';
import { useDraftText } from './useDraftText';

interface CommentThreadProps {
  readonly targetTable: CommentableTable;
  readonly targetId: string;
}

/** Comments on something shared with the set, oldest first, and a box to add one. */
export function CommentThread({ targetTable, targetId }: CommentThreadProps) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const data = useLive(
    async (r) => ({ me: await r.directory.me(), comments: await r.comments.list(targetId) }),
    [targetId],
  );
  const draft = useDraftText(`comment:${targetId}`);
  const [problem, setProblem] = useState<string | null>(null);
  const boxId = `comment-${targetId}`;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (draft.text.trim() === '') {
      setProblem('Write a comment first.');
      return;
    }
    try {
      await repositories.comments.add(targetTable, targetId, draft.text);
      draft.setText('');
      setProblem(null);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  async function remove(id: string) {
    await repositories.comments.remove(id);
    showToast({ message: 'Comment deleted', actionLabel: 'Undo', onAction: () => repositories.comments.restore(id) });
  }

  const comments = data?.comments ?? [];
  return (
    <div className="comment-thread">
      {comments.length > 0 ? (
        <ul className="comment-thread__list" aria-label="Comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <strong>{comment.owner === data?.me ? 'You' : comment.authorName || 'A set member'}</strong>{' '}
                <span className="muted">{formatUkDateTime(comment.createdAt)}</span>
              </p>
              <p className="prose">{comment.body}</p>
              {comment.owner === data?.me ? (
                <button type="button" className="button button--quiet" onClick={() => void remove(comment.id)}>
                  Delete comment
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="comment-thread__add" aria-label="Add a comment" noValidate onSubmit={(event) => void add(event)}>
        <Field id={boxId} label="Comment" error={problem ?? undefined}>
          <textarea
            id={boxId}
            className="comment-thread__box"
            value={draft.text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(boxId, undefined, problem ?? undefined)}
            onChange={(event) => draft.setText(event.target.value)}
          />
        </Field>
        <button type="submit" className="button">
          Add comment
        </button>
      </form>
    </div>
  );
}
