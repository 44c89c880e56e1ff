import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Cohort } from '../../domain/sets/cohort';
import { useRepositories } from '../db/RepositoryContext';
import type { CohortDetails } from '../db/repositories/cohortRepository';
import { describedBy, Field } from '../ui/Field';
import { cohortFormSchema, type CohortFormValues } from './cohortFormSchemas';
import { FormError } from '../ui/FormError';

interface CohortFormProps {
  /** The cohort whose name and dates are being changed; null to start a new one. */
  readonly cohort: Cohort | null;
  readonly onSaved: (cohort: Cohort) => void;
  readonly onCancel?: () => void;
}

type FieldName = keyof CohortFormValues;

/** A cohort's name and the dates of its year. */
export function CohortForm({ cohort, onSaved, onCancel }: CohortFormProps) {
  const repositories = useRepositories();
  const idPrefix = cohort ? `cohort-${cohort.id}` : 'new-cohort';
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CohortFormValues, unknown, CohortDetails>({
    resolver: zodResolver(cohortFormSchema),
    defaultValues: { name: cohort?.name ?? '', startsOn: cohort?.startsOn ?? '', endsOn: cohort?.endsOn ?? '' },
  });

  async function onSubmit(details: CohortDetails) {
    try {
      const saved = cohort ? await repositories.cohort.updateCohort(cohort.id, details) : await repositories.cohort.createCohort(details);
      if (!cohort) reset();
      onSaved(saved);
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const control = (name: FieldName, hint?: string) => {
    const id = `${idPrefix}-${name}`;
    const error = errors[name]?.message;
    return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error), ...register(name) };
  };
  const nameHint = 'e.g. "Northfield leaders 2026–27"';

  return (
    <form noValidate aria-label={cohort ? 'Change the cohort' : 'Start a cohort'} onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id={`${idPrefix}-name`} label="Name of the cohort" hint={nameHint} error={errors.name?.message}>
        <input type="text" autoComplete="off" {...control('name', nameHint)} />
      </Field>
      <div className="cohort-form-row">
        <Field id={`${idPrefix}-startsOn`} label="Starts on" error={errors.startsOn?.message}>
          <input type="date" {...control('startsOn')} />
        </Field>
        <Field id={`${idPrefix}-endsOn`} label="Ends on" error={errors.endsOn?.message}>
          <input type="date" {...control('endsOn')} />
        </Field>
      </div>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {cohort ? 'Save changes' : 'Start this cohort'}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
