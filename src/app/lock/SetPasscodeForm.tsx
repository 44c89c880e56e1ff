import { zodResolver } from '@hookform/resolvers/zod';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { DEFAULT_IDLE_MINUTES } from '../db/encryption/passcodeLockSettings';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import type { LockController } from './createLockController';
import { IdleMinutesSelect } from './IdleMinutesSelect';
import { setPasscodeFormSchema, type SetPasscodeFormOutput, type SetPasscodeFormValues } from './passcodeFormSchemas';

/** Choosing a passcode: typed twice, with how soon to lock; then everything is encrypted. */
export function SetPasscodeForm({ controller, onDone }: { readonly controller: LockController; readonly onDone: () => void }) {
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetPasscodeFormValues, unknown, SetPasscodeFormOutput>({
    resolver: zodResolver(setPasscodeFormSchema),
    defaultValues: { passcode: '', confirm: '', idleMinutes: DEFAULT_IDLE_MINUTES },
  });

  async function onSubmit(values: SetPasscodeFormOutput) {
    try {
      await controller.setPasscode(values.passcode, values.idleMinutes);
      onDone();
    } catch (caught) {
      setError('root.server', { message: caught instanceof Error ? caught.message : 'The passcode could not be set. Nothing has changed.' });
    }
  }

  const hint = 'At least 6 characters. A few words or a long number is hard to guess and easy to type.';
  return (
    <form aria-label="Set a passcode" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id={`${id}-passcode`} label="New passcode" hint={hint} error={errors.passcode?.message}>
        <input
          id={`${id}-passcode`}
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.passcode ? true : undefined}
          aria-describedby={describedBy(`${id}-passcode`, hint, errors.passcode?.message)}
          {...register('passcode')}
        />
      </Field>
      <Field id={`${id}-confirm`} label="Type it again" error={errors.confirm?.message}>
        <input
          id={`${id}-confirm`}
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.confirm ? true : undefined}
          aria-describedby={describedBy(`${id}-confirm`, undefined, errors.confirm?.message)}
          {...register('confirm')}
        />
      </Field>
      <IdleMinutesSelect id={`${id}-idle`} registration={register('idleMinutes')} error={errors.idleMinutes?.message} />
      <FormError message={errors.root?.server?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Encrypting your writing on this tablet…' : 'Set passcode'}
        </button>
      </div>
    </form>
  );
}
