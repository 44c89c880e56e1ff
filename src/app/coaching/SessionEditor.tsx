import { useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { CoachingSession } from '../../domain/sets/coachingSession';
import { useRepositories } from '../db/RepositoryContext';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useToastStore } from '../ui/toastStore';
import { useAutosave } from '../ui/useAutosave';
import { VisibilityNote } from '../ui/VisibilityNote';
import { checkSession, fromSession, sessionTitle, type SessionFormValues } from './coachingText';
import { SessionFields } from './SessionFields';

interface SessionEditorProps {
  readonly session: CoachingSession;
  /** Whether the person looking is the coach (sets date and focus, may delete) or the participant. */
  readonly viewerIsCoach: boolean;
  /** "You and Priya Shah can see this" / "You and your coach (Sam Lee) can see this". */
  readonly audienceWords: string;
}

/**
 * One session's notes, saved as they are typed. Only the fields changed since opening are
 * written, so what the other person of the pair wrote meanwhile in another field is kept.
 */
export function SessionEditor({ session, viewerIsCoach, audienceWords }: SessionEditorProps) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const form = useForm<SessionFormValues>({ defaultValues: fromSession(session) });
  const values = useWatch({ control: form.control }) as SessionFormValues;
  const problems = checkSession(values);
  const [opened] = useState(() => fromSession(session));
  const touched = useRef(new Set<keyof SessionFormValues>());
  const autosave = useAutosave(
    values,
    async (latest) => {
      for (const key of Object.keys(opened) as (keyof SessionFormValues)[]) {
        if (latest[key] !== opened[key]) touched.current.add(key);
      }
      const changes = Object.fromEntries([...touched.current].map((key) => [key, latest[key]]));
      await repositories.coaching.update(session.id, changes);
    },
    { enabled: Object.keys(problems).length === 0 },
  );

  async function remove() {
    await autosave.flush();
    await repositories.coaching.remove(session.id);
    showToast({ message: 'Session deleted', actionLabel: 'Undo', onAction: () => repositories.coaching.restore(session.id) });
  }

  const headingId = `session-${session.id}-title`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{sessionTitle(session)}</h3>
      <VisibilityNote visibility="coach" words={audienceWords} />
      <FormProvider {...form}>
        <form aria-label={`Notes of the session of ${sessionTitle(session)}`} noValidate onSubmit={(event) => event.preventDefault()}>
          <SessionFields idPrefix={`session-${session.id}`} problems={problems} canEditDateAndFocus={viewerIsCoach} />
          <div className="button-row">
            <SavedIndicator state={autosave.state} error={autosave.error} idleText="Saved on this device" />
            {viewerIsCoach ? (
              <button type="button" className="button button--danger" onClick={() => void remove()}>
                Delete this session
              </button>
            ) : null}
          </div>
        </form>
      </FormProvider>
    </article>
  );
}
