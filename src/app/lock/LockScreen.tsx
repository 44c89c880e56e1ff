import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useStore } from 'zustand';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';
import type { LockController } from './createLockController';
import { ForgottenPasscode } from './ForgottenPasscode';
import { unlockFormSchema, type UnlockFormValues } from './passcodeFormSchemas';
import { formatWait, refusalMessage } from './refusalMessage';
import { useSecondsUntil } from './useSecondsUntil';

interface LockScreenProps {
  readonly controller: LockController;
  /** Signed in: forgetting the passcode means signing in again and downloading from the server. */
  readonly signedIn: boolean;
  readonly onForgotten: () => Promise<void>;
}

/**
 * Shown instead of the whole app while locked: nothing of the person's writing is on screen or
 * even read from the device until the passcode is right. A wrong passcode is refused; after
 * three, each further try waits longer (5 s, doubling, up to 5 minutes), across reloads too.
 */
export function LockScreen({ controller, signedIn, onForgotten }: LockScreenProps) {
  const id = useId();
  const retryAfter = useStore(controller.store, (state) => state.retryAfter);
  const waitSeconds = useSecondsUntil(retryAfter);
  const [forgotten, setForgotten] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<UnlockFormValues>({ resolver: zodResolver(unlockFormSchema), defaultValues: { passcode: '' } });

  async function onSubmit(values: UnlockFormValues) {
    const result = await controller.unlock(values.passcode);
    if (result.ok) return;
    setError('root.server', { message: refusalMessage(result) });
    resetField('passcode');
    setFocus('passcode');
  }

  const passcodeError = errors.passcode?.message;
  const waiting = waitSeconds > 0;
  return (
    <main className="lock-screen" aria-labelledby={`${id}-heading`}>
      <section className="card lock-screen__card">
        <h1 id={`${id}-heading`}>Setwise is locked</h1>
        <p>Enter your passcode to open your writing on this tablet.</p>
        <form aria-label="Unlock Setwise" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
          <Field id={`${id}-passcode`} label="Passcode" error={passcodeError}>
            <input
              id={`${id}-passcode`}
              type="password"
              autoComplete="off"
              autoFocus
              aria-invalid={passcodeError ? true : undefined}
              aria-describedby={describedBy(`${id}-passcode`, undefined, passcodeError)}
              {...register('passcode')}
            />
          </Field>
          <FormError message={errors.root?.server?.message} />
          {waiting ? (
            <p role="status" className="field__hint">
              You can try again in {formatWait(waitSeconds)}.
            </p>
          ) : null}
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={isSubmitting || waiting}>
              {isSubmitting ? 'Unlocking…' : 'Unlock'}
            </button>
            <button type="button" className="button" onClick={() => setForgotten(true)} disabled={isSubmitting}>
              Forgotten your passcode?
            </button>
          </div>
        </form>
        {forgotten ? <ForgottenPasscode controller={controller} signedIn={signedIn} onForgotten={onForgotten} onCancel={() => setForgotten(false)} /> : null}
      </section>
    </main>
  );
}
