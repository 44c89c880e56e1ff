import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { toIsoDate } from '../../domain/dates';
import type { ImpactMeasure } from '../../domain/impactMeasure';
import { ReadingOutOfRangeError } from '../db/repositories/measureRepository';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { readingFormSchema, type ReadingFormOutput, type ReadingFormValues } from './measureFormSchema';
import { FormError } from '../ui/FormError';

const VALUE_HINT = 'e.g. 79%';

/** A dated reading. Out-of-range values are refused inline; a future date is questioned. */
export function ReadingForm({ measure }: { readonly measure: ImpactMeasure }) {
  const repositories = useRepositories();
  const [today] = useState(() => toIsoDate(new Date()));
  const schema = useMemo(() => readingFormSchema(measure.id, measure.unit, today), [measure.id, measure.unit, today]);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReadingFormValues, unknown, ReadingFormOutput>({
    resolver: zodResolver(schema),
    defaultValues: { date: today, value: '', note: '', confirmFuture: false },
  });
  const date = useWatch({ control, name: 'date' });
  const [added, setAdded] = useState(false);

  async function onSubmit(reading: ReadingFormOutput) {
    setAdded(false);
    try {
      await repositories.measures.addReading(reading);
      reset({ date: reading.date, value: '', note: '', confirmFuture: false });
      setAdded(true);
    } catch (caught) {
      if (caught instanceof ReadingOutOfRangeError) setError('value', { message: caught.message });
      else setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const valueError = errors.value?.message;
  const dateError = errors.date?.message;
  const noteError = errors.note?.message;

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate aria-label="Add a reading">
      <Field id="reading-date" label="Date" error={dateError}>
        <input
          id="reading-date"
          type="date"
          aria-invalid={dateError ? true : undefined}
          aria-describedby={describedBy('reading-date', undefined, dateError)}
          {...register('date')}
        />
      </Field>
      {date > today ? (
        <div className="warning">
          <p>That date is after today. Is it right?</p>
          <label className="choice">
            <input type="checkbox" {...register('confirmFuture')} />
            Yes, the date is right
          </label>
          <FormError message={errors.confirmFuture?.message} />
        </div>
      ) : null}
      <Field id="reading-value" label="Reading" hint={VALUE_HINT} error={valueError}>
        <input
          id="reading-value"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={valueError ? true : undefined}
          aria-describedby={describedBy('reading-value', VALUE_HINT, valueError)}
          {...register('value')}
        />
      </Field>
      <Field id="reading-note" label="Note (optional)" error={noteError}>
        <input
          id="reading-note"
          type="text"
          autoComplete="off"
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy('reading-note', undefined, noteError)}
          {...register('note')}
        />
      </Field>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Add the reading
        </button>
        {added ? (
          <span className="muted" role="status">
            Reading added
          </span>
        ) : null}
      </div>
    </form>
  );
}
