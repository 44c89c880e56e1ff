import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useAccountServices } from '../account/AccountContext';
import { signedInMessage, useAccountNoticeStore } from '../account/accountNoticeStore';
import { completeSignIn } from '../account/signInOnThisDevice';
import { describedBy, Field } from '../ui/Field';
import { NEW_PASSWORD_MIN_LENGTH, setupFormSchema, type SetupFormOutput, type SetupFormValues } from './accountFormSchemas';
import { CredentialFields } from './CredentialFields';
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
      <CredentialFields
        idPrefix="setup"
        email={register('email')}
        password={register('password')}
        emailError={emailError}
        passwordError={passwordError}
        passwordAutoComplete="new-password"
        passwordHint={PASSWORD_HINT}
        serverError={serverError}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Setting up…' : 'Set up Setwise'}
        </button>
      </div>
    </form>
  );
}
