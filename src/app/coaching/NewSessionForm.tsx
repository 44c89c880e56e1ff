import { useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { toIsoDate } from '../../domain/dates';
import { useRepositories } from '../db/RepositoryContext';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useToastStore } from '../ui/toastStore';
import { useAutosave } from '../ui/useAutosave';
import { checkSession, newSessionDraftKey, sessionFormSchema, type SessionFormValues } from './coachingText';
import { SessionFields } from './SessionFields';
import { FormError } from '../ui/FormError';

interface NewSessionFormProps {
  readonly participantId: string;
  readonly participantName: string;
  /** Called when the session is saved or the form is put away. */
  readonly onDone: () => void;
}

function blankSession(): SessionFormValues {
  return { heldOn: toIsoDate(new Date()), focus: '', notes: '', nextSteps: '' };
}

/**
 * A new session for one coachee. What is typed is autosaved to a draft on this device (so a
 * sleeping tablet loses nothing); "Save the session" turns the draft into the shared notes.
 */
export function NewSessionForm({ participantId, participantName, onDone }: NewSessionFormProps) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const draftKey = newSessionDraftKey(participantId);
  const form = useForm<SessionFormValues>({ defaultValues: blankSession() });
  const values = useWatch({ control: form.control }) as SessionFormValues;
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const problems = checkSession(values);

  useEffect(() => {
    let cancelled = false;
    void repositories.drafts.get(draftKey).then((draft) => {
      if (cancelled) return;
      const parsed = sessionFormSchema.safeParse(draft);
      if (draft !== undefined && parsed.success) form.reset(parsed.data);
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [repositories, draftKey, form]);

  const autosave = useAutosave(values, (latest) => repositories.drafts.put(draftKey, latest), { enabled: loaded });

  async function save() {
    setSubmitted(true);
    setProblem(null);
    if (Object.keys(problems).length > 0) return;
    await autosave.flush();
    try {
      await repositories.coaching.create({ participantId, ...values }, { clearDraftKeys: [draftKey] });
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
      return;
    }
    onDone();
  }

  async function discard() {
    const kept = form.getValues();
    const typed = [kept.focus, kept.notes, kept.nextSteps].some((text) => text.trim() !== '');
    await autosave.flush();
    await repositories.drafts.remove(draftKey);
    onDone();
    if (!typed) return;
    showToast({ message: 'New session put away', actionLabel: 'Undo', onAction: () => repositories.drafts.put(draftKey, kept) });
  }

  return (
    <FormProvider {...form}>
      <form
        className="card"
        aria-label={`New session with ${participantName}`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h3>New session with {participantName}</h3>
        <SessionFields idPrefix={`new-session-${participantId}`} problems={submitted ? problems : {}} canEditDateAndFocus />
        <FormError message={problem} />
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Save the session
          </button>
          <button type="button" className="button" onClick={() => void discard()}>
            Cancel
          </button>
          <SavedIndicator state={autosave.state} error={autosave.error} />
        </div>
      </form>
    </FormProvider>
  );
}
