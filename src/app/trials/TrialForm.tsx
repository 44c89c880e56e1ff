import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import type { LeadershipChallenge } from '../../domain/challenge';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { InterventionChips } from './InterventionChips';
import { isStartFarAhead, trialFormSchema, trialFormValues, type TrialFormOutput, type TrialFormValues } from './trialFormSchema';
import { FormError } from '../ui/FormError';

interface TrialFormProps {
  /** The trial whose plan is being edited; null for a new trial. */
  readonly trial: StrategyTrial | null;
  readonly challenge: LeadershipChallenge | null;
}

type TextField = 'what' | 'why' | 'withWhom' | 'startDate' | 'reviewDate' | 'impactJudgement' | 'challengeId';

const HINTS: Partial<Record<TextField, string>> = {
  what: 'Pick one of these or write your own.',
  why: 'What do you hope it will change for pupils or staff?',
  reviewDate: 'When will you stop and look at the evidence?',
  withWhom: 'e.g. "The Year 2 team and two TAs"',
  impactJudgement: 'What evidence will you look at? e.g. "Phonics check results, lesson observations"',
};

/** The plan step of the learning cycle: what, why, with whom, by when, how impact is judged. */
export function TrialForm({ trial, challenge }: TrialFormProps) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const [now] = useState(() => new Date());
  const schema = useMemo(() => trialFormSchema(now), [now]);
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setFocus,
    setError,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<TrialFormValues, unknown, TrialFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: trialFormValues(trial, challenge?.id ?? null),
  });
  const what = useWatch({ control, name: 'what' });
  const startDate = useWatch({ control, name: 'startDate' });
  const farAhead = isStartFarAhead(startDate, now);

  async function onSubmit(plan: TrialFormOutput) {
    try {
      const saved = trial
        ? await repositories.trials.updatePlan(trial.id, { ...plan, visibility: trial.visibility })
        : await repositories.trials.create(plan);
      navigate(`/${saved.id}`);
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const error = (name: TextField) => errors[name]?.message;
  const controlProps = (name: TextField, id: string) => ({
    id,
    'aria-invalid': error(name) ? true : undefined,
    'aria-describedby': describedBy(id, HINTS[name], error(name)),
    ...register(name),
  });
  const linkedElsewhere = trial?.challengeId && trial.challengeId !== challenge?.id ? trial.challengeId : null;

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label={trial ? 'Edit the plan' : 'Plan a trial'}>
      <Field id="trial-what" label="What will you try?" hint={HINTS.what} error={error('what')}>
        <InterventionChips
          current={what}
          onPick={(intervention) => {
            setValue('what', intervention, { shouldDirty: true, shouldValidate: isSubmitted });
            setFocus('what');
          }}
        />
        <input type="text" autoComplete="off" {...controlProps('what', 'trial-what')} />
      </Field>
      <Field id="trial-why" label="Why this?" hint={HINTS.why} error={error('why')}>
        <textarea {...controlProps('why', 'trial-why')} />
      </Field>
      <Field id="trial-with-whom" label="With whom?" hint={HINTS.withWhom} error={error('withWhom')}>
        <input type="text" autoComplete="off" {...controlProps('withWhom', 'trial-with-whom')} />
      </Field>
      <Field id="trial-start" label="Start date" error={error('startDate')}>
        <input type="date" {...controlProps('startDate', 'trial-start')} />
      </Field>
      {farAhead ? (
        <div className="warning">
          <p>Is that date right? The start is more than a year away.</p>
          <label className="choice">
            <input type="checkbox" {...register('confirmFarDate')} aria-describedby={errors.confirmFarDate ? 'trial-confirm-error' : undefined} />
            Yes, that date is right
          </label>
          {errors.confirmFarDate?.message ? (
            <p id="trial-confirm-error" className="field__error" role="alert">
              {errors.confirmFarDate.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <Field id="trial-review" label="Review date" hint={HINTS.reviewDate} error={error('reviewDate')}>
        <input type="date" {...controlProps('reviewDate', 'trial-review')} />
      </Field>
      <Field id="trial-impact" label="How will you judge the impact?" hint={HINTS.impactJudgement} error={error('impactJudgement')}>
        <textarea {...controlProps('impactJudgement', 'trial-impact')} />
      </Field>
      <Field id="trial-challenge" label="Which challenge is it for?" error={error('challengeId')}>
        <select {...controlProps('challengeId', 'trial-challenge')}>
          {challenge ? <option value={challenge.id}>My challenge: {challenge.focus}</option> : null}
          {linkedElsewhere ? <option value={linkedElsewhere}>An earlier challenge</option> : null}
          <option value="">Not linked to a challenge</option>
        </select>
      </Field>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {trial ? 'Save the plan' : 'Save this trial'}
        </button>
        <Link href={trial ? `/${trial.id}` : '/'} className="button button--quiet">
          Cancel
        </Link>
      </div>
    </form>
  );
}
