import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import type { LockController } from './createLockController';
import { changePasscodeFormSchema, type ChangePasscodeFormValues } from './passcodeFormSchemas';
import { refusalMessage } from './refusalMessage';

/** A new passcode for the same key: quick, nothing is re-encrypted. */
export function ChangePasscodeForm({ controller, onDone }: { readonly controller: LockController; readonly onDone: () => void }) {
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasscodeFormValues>({ resolver: zodResolver(changePasscodeFormSchema), defaultValues: { current: '', passcode: '', confirm: '' } });

  async function onSubmit(values: ChangePasscodeFormValues) {
    const result = await controller.changePasscode(values.current, values.passcode);
    if (result.ok) onDone();
    else setError('current', { message: refusalMessage(result) });
  }

  const field = (name: 'current' | 'passcode' | 'confirm', label: string, autoComplete: string) => {
    const error = errors[name]?.message;
    return (
      <Field id={`${id}-${name}`} label={label} error={error}>
        <input
          id={`${id}-${name}`}
          type="password"
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-${name}`, undefined, error)}
          {...register(name)}
        />
      </Field>
    );
  };
  return (
    <form aria-label="Change passcode" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      {field('current', 'Current passcode', 'off')}
      {field('passcode', 'New passcode', 'new-password')}
      {field('confirm', 'Type the new one again', 'new-password')}
      <FormError message={errors.root?.server?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Changing…' : 'Change passcode'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={isSubmitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}
