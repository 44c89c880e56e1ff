import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import { setNameFormSchema, type SetNameFormOutput, type SetNameFormValues } from './cohortFormSchemas';

interface SetNameFormProps {
  readonly id: string;
  readonly label: string;
  readonly initialName: string;
  readonly submitLabel: string;
  /** Saves the name; throws with words to show when it cannot. */
  readonly onSave: (name: string) => Promise<void>;
  readonly onCancel?: () => void;
}

/** A set's name: to add a set, or to rename one. */
export function SetNameForm({ id, label, initialName, submitLabel, onSave, onCancel }: SetNameFormProps) {
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetNameFormValues, unknown, SetNameFormOutput>({
    resolver: zodResolver(setNameFormSchema),
    defaultValues: { name: initialName },
  });

  async function onSubmit(values: SetNameFormOutput) {
    try {
      await onSave(values.name);
      // Adding: ready for the next set. Renaming: the form closes.
      if (!onCancel) reset({ name: '' });
    } catch (caught) {
      setError('name', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const error = errors.name?.message;
  return (
    <form noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id={id} label={label} error={error}>
        <div className="input-with-action">
          <input
            id={id}
            type="text"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, undefined, error)}
            {...register('name')}
          />
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          ) : null}
        </div>
      </Field>
    </form>
  );
}
