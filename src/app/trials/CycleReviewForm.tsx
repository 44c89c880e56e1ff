import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { NEXT_STEP_LABELS, NEXT_STEPS } from '../../domain/programme';
import type { StrategyTrial, TrialReview } from '../../domain/strategyTrial';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { FieldGroup } from '../ui/FieldGroup';
import { reviewFormSchema, reviewFormValues, type ReviewFormValues } from './trialFormSchema';
import { FormError } from '../ui/FormError';

type TextField = 'wentWell' | 'notEffective' | 'problems' | 'learning' | 'nextStepNote';

const QUESTIONS: { name: Exclude<TextField, 'nextStepNote'>; label: string; hint: string }[] = [
  { name: 'wentWell', label: 'What went well?', hint: 'The evidence: what you saw, heard or measured.' },
  { name: 'notEffective', label: 'What was not effective?', hint: 'What did not make the difference you hoped for?' },
  { name: 'problems', label: 'What problems came up?', hint: 'Time, staffing, timetable, anything that got in the way.' },
  { name: 'learning', label: 'What did I learn?', hint: 'About the strategy, your school, and your leadership.' },
];

const NOTE_HINT = 'e.g. what you will change, or what you will try instead';

/** Evidence → learning → next step. Choosing a next step completes the cycle. */
export function CycleReviewForm({ trial }: { readonly trial: StrategyTrial }) {
  const repositories = useRepositories();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<ReviewFormValues, unknown, TrialReview>({
    resolver: zodResolver(reviewFormSchema),
    defaultValues: reviewFormValues(trial.review),
  });

  async function onSubmit(review: TrialReview) {
    try {
      await repositories.trials.saveReview(trial.id, review);
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const error = (name: TextField) => errors[name]?.message;

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label="Review the trial">
      {QUESTIONS.map(({ name, label, hint }) => {
        const id = `review-${name}`;
        return (
          <Field key={name} id={id} label={label} hint={hint} error={error(name)}>
            <textarea
              id={id}
              aria-invalid={error(name) ? true : undefined}
              aria-describedby={describedBy(id, hint, error(name))}
              {...register(name)}
            />
          </Field>
        );
      })}
      <FieldGroup id="review-next-step" legend="What next?" hint="Choosing a next step completes this cycle." error={errors.nextStep?.message}>
        {NEXT_STEPS.map((step) => (
          <label key={step} className="choice">
            <input type="radio" value={step} {...register('nextStep')} />
            {NEXT_STEP_LABELS[step]}
          </label>
        ))}
      </FieldGroup>
      <Field id="review-next-note" label="About the next step" hint={NOTE_HINT} error={error('nextStepNote')}>
        <textarea
          id="review-next-note"
          aria-invalid={error('nextStepNote') ? true : undefined}
          aria-describedby={describedBy('review-next-note', NOTE_HINT, error('nextStepNote'))}
          {...register('nextStepNote')}
        />
      </Field>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Save the review
        </button>
        {isSubmitSuccessful && !errors.root ? (
          <span className="muted" role="status">
            Saved on this device
          </span>
        ) : null}
      </div>
    </form>
  );
}
