import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useAccountServices } from '../account/AccountContext';
import { signedInMessage, useAccountNoticeStore } from '../account/accountNoticeStore';
import { completeSignIn } from '../account/signInOnThisDevice';
import { describedBy, Field } from '../ui/Field';
import { NEW_PASSWORD_MIN_LENGTH, setupFormSchema, type SetupFormOutput, type SetupFormValues } from './accountFormSchemas';
import { accountFailureMessage } from './SignInForm';

const PASSWORD_HINT = `At least ${NEW_PASSWORD_MIN_LENGTH} characters. A few ordinary words in a row work well.`;

/**
 * First run of a new Setwise server: the first account (the coordinator) is made here and
 * signed in at once. The server closes setup as soon as any account exists.
 */
export function SetupForm() {
  const { api } = useAccountServices();
  const tell = useAccountNoticeStore((state) => state.tell);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupFormValues, unknown, SetupFormOutput>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { displayName: '', email: '', password: '' },
  });

  async function onSubmit(values: SetupFormOutput) {
    try {
      const session = await api.setup(values);
      const adopted = await completeSignIn(session);
      tell(signedInMessage(session.user.displayName, adopted));
    } catch (caught) {
      setError('root.server', { message: accountFailureMessage(caught) });
    }
  }

  const nameError = errors.displayName?.message;
  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  const serverError = errors.root?.server?.message;

  return (
    <form aria-labelledby="setup-heading" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <h3 id="setup-heading">Set up Setwise</h3>
      <p>This Setwise server has no accounts yet. Set it up with yours; you will be its coordinator.</p>
      <Field id="setup-name" label="Your name" error={nameError}>
        <input
          id="setup-name"
          type="text"
          autoComplete="name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('setup-name', undefined, nameError)}
          {...register('displayName')}
        />
      </Field>
      <Field id="setup-email" label="Email" error={emailError}>
        <input
          id="setup-email"
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy('setup-email', undefined, emailError)}
          {...register('email')}
        />
      </Field>
      <Field id="setup-password" label="Password" hint={PASSWORD_HINT} error={passwordError}>
        <input
          id="setup-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={describedBy('setup-password', PASSWORD_HINT, passwordError)}
          {...register('password')}
        />
      </Field>
      {serverError ? (
        <p className="field__error" role="alert">
          {serverError}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Setting up…' : 'Set up Setwise'}
        </button>
      </div>
    </form>
  );
}
