import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import type { LockController } from './createLockController';
import { removePasscodeFormSchema, type RemovePasscodeFormValues } from './passcodeFormSchemas';
import { refusalMessage } from './refusalMessage';

/** Turning the lock off decrypts everything on this tablet again: said before it is done. */
export function RemovePasscodeForm({ controller, onDone }: { readonly controller: LockController; readonly onDone: () => void }) {
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RemovePasscodeFormValues>({ resolver: zodResolver(removePasscodeFormSchema), defaultValues: { current: '' } });

  async function onSubmit(values: RemovePasscodeFormValues) {
    const result = await controller.removePasscode(values.current);
    if (result.ok) onDone();
    else setError('current', { message: refusalMessage(result) });
  }

  const error = errors.current?.message;
  return (
    <form aria-label="Remove the passcode" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <p>Without a passcode, anyone who picks up this tablet can open your journal, and your writing is stored unencrypted.</p>
      <Field id={`${id}-current`} label="Current passcode" error={error}>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-current`, undefined, error)}
          {...register('current')}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={isSubmitting}>
          {isSubmitting ? 'Removing…' : 'Remove passcode'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}
