import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useLocation } from 'wouter';
import { challengeContentSchema, changedChallengeFields, type LeadershipChallenge } from '../../domain/challenge';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosave } from '../ui/useAutosave';
import {
  CHALLENGE_DRAFT_KEY,
  challengeFormSchema,
  formValuesFromChallenge,
  type ChallengeFormOutput,
  type ChallengeFormValues,
} from './challengeFormSchema';
import { FocusPicker } from './FocusPicker';
import { SuccessCriteriaEditor } from './SuccessCriteriaEditor';
import { ThemePicker } from './ThemePicker';
import { FormError } from '../ui/FormError';

interface ChallengeFormProps {
  /** The saved challenge when revising it; null when writing it for the first time. */
  readonly existing: LeadershipChallenge | null;
  /** Unsaved work from last time, autosaved on this device. */
  readonly draft: ChallengeFormValues | null;
}

const HINTS = {
  issue: 'What worries you? e.g. "Phonics teaching in KS1 is not yet good enough."',
  desiredOutcomes: 'What would you like to be true by the end of the year?',
  baseline: 'What is true now — the starting point before any change.',
  reason: 'e.g. "The head has left; the focus moves to KS2."',
};

export function ChallengeForm({ existing, draft }: ChallengeFormProps) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const [savedContent] = useState(() => (existing ? challengeContentSchema.parse(existing) : null));
  const baseValues = useMemo(() => formValuesFromChallenge(savedContent), [savedContent]);
  const [showRestored, setShowRestored] = useState(draft !== null);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChallengeFormValues, unknown, ChallengeFormOutput>({
    resolver: zodResolver(challengeFormSchema),
    defaultValues: draft ?? baseValues,
  });

  // Autosave the unsaved form as a draft; once the challenge is saved the draft is cleared.
  const values = useWatch({ control });
  const submitted = useRef(false);
  const baseJson = JSON.stringify(baseValues);
  const autosave = useAutosave(JSON.stringify(values), async (json) => {
    if (submitted.current) return;
    if (json === baseJson) await repositories.drafts.remove(CHALLENGE_DRAFT_KEY);
    else await repositories.drafts.put(CHALLENGE_DRAFT_KEY, JSON.parse(json) as unknown);
  });

  async function onSubmit({ content, reason }: ChallengeFormOutput) {
    const toSave = { ...content, visibility: existing?.visibility ?? content.visibility };
    if (savedContent && changedChallengeFields(savedContent, toSave).length === 0) {
      setError('root', { message: 'Nothing has changed yet, so there is no new version to save.' });
      return;
    }
    submitted.current = true;
    try {
      await autosave.flush();
      await repositories.challenge.save(toSave, reason);
      await repositories.drafts.remove(CHALLENGE_DRAFT_KEY);
      navigate('/');
    } catch (caught) {
      submitted.current = false;
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  async function onCancel() {
    submitted.current = true;
    await autosave.flush();
    await repositories.drafts.remove(CHALLENGE_DRAFT_KEY);
    navigate('/');
  }

  const error = (name: 'issue' | 'desiredOutcomes' | 'baseline' | 'reason') => errors[name]?.message;

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label={existing ? 'Revise my challenge' : 'Write my challenge'}>
      {showRestored ? (
        <div className="warning" role="status">
          <p>We kept what you were writing last time.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              reset(baseValues);
              setShowRestored(false);
            }}
          >
            {existing ? 'Start again from the saved version' : 'Start again with an empty form'}
          </button>
        </div>
      ) : null}

      <FocusPicker register={register} errors={errors} focusChoice={values.focusChoice} />

      <Field id="challenge-issue" label="The issue or concern, in your own words" hint={HINTS.issue} error={error('issue')}>
        <textarea
          id="challenge-issue"
          aria-invalid={error('issue') ? true : undefined}
          aria-describedby={describedBy('challenge-issue', HINTS.issue, error('issue'))}
          {...register('issue')}
        />
      </Field>

      <Field id="challenge-outcomes" label="Desired outcomes" hint={HINTS.desiredOutcomes} error={error('desiredOutcomes')}>
        <textarea
          id="challenge-outcomes"
          aria-invalid={error('desiredOutcomes') ? true : undefined}
          aria-describedby={describedBy('challenge-outcomes', HINTS.desiredOutcomes, error('desiredOutcomes'))}
          {...register('desiredOutcomes')}
        />
      </Field>

      <Field id="challenge-baseline" label="Baseline" hint={HINTS.baseline} error={error('baseline')}>
        <textarea
          id="challenge-baseline"
          aria-invalid={error('baseline') ? true : undefined}
          aria-describedby={describedBy('challenge-baseline', HINTS.baseline, error('baseline'))}
          {...register('baseline')}
        />
      </Field>

      <SuccessCriteriaEditor control={control} register={register} errors={errors} />
      <ThemePicker register={register} />

      {existing ? (
        <Field id="challenge-reason" label="Why are you revising it? (optional)" hint={HINTS.reason} error={error('reason')}>
          <input
            id="challenge-reason"
            type="text"
            autoComplete="off"
            aria-invalid={error('reason') ? true : undefined}
            aria-describedby={describedBy('challenge-reason', HINTS.reason, error('reason'))}
            {...register('reason')}
          />
        </Field>
      ) : null}

      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {existing ? 'Save the new version' : 'Save my challenge'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => void onCancel()}>
          Cancel
        </button>
      </div>
      <SavedIndicator state={autosave.state} error={autosave.error} idleText="What you type is kept on this device until you save." />
    </form>
  );
}
