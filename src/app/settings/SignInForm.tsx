import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { AccountError } from '../account/accountApi';
import { useAccountServices } from '../account/AccountContext';
import { signedInMessage, useAccountNoticeStore } from '../account/accountNoticeStore';
import { useAccountStore } from '../account/accountStore';
import { signInOnThisDevice } from '../account/signInOnThisDevice';
import { CredentialFields } from './CredentialFields';
import { signInFormSchema, type SignInFormOutput, type SignInFormValues } from './accountFormSchemas';

/** The server's words when it refuses (wrong password, too many attempts, offline); else ours. */
export function accountFailureMessage(caught: unknown): string {
  if (caught instanceof AccountError) return caught.message;
  const reason = caught instanceof Error && caught.message ? ` (${caught.message})` : '';
  return `This device could not finish signing in${reason}. Your writing is still here; try again.`;
}

/**
 * Email and password. Signing in makes what was written here signed out this person's, then
 * switches the app to their own database (see signInOnThisDevice) — every screen remounts, so
 * the outcome is told through the account notice rather than this form's own state.
 */
export function SignInForm({ defaultEmail = '' }: { readonly defaultEmail?: string }) {
  const { api } = useAccountServices();
  const tell = useAccountNoticeStore((state) => state.tell);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<SignInFormValues, unknown, SignInFormOutput>({
    resolver: zodResolver(signInFormSchema),
    defaultValues: { email: defaultEmail, password: '' },
  });

  async function onSubmit(values: SignInFormOutput) {
    try {
      const adopted = await signInOnThisDevice(api, values.email, values.password);
      tell(signedInMessage(useAccountStore.getState().account?.displayName ?? values.email, adopted));
    } catch (caught) {
      setError('root.server', { message: accountFailureMessage(caught) });
      // The email stays as typed; a refused password is cleared so the next try starts clean.
      if (caught instanceof AccountError && caught.status === 401) {
        resetField('password');
        setFocus('password');
      }
    }
  }

  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  const serverError = errors.root?.server?.message;

  return (
    <form aria-label="Sign in" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <CredentialFields
        idPrefix="sign-in"
        email={register('email')}
        password={register('password')}
        emailError={emailError}
        passwordError={passwordError}
        passwordAutoComplete="current-password"
        serverError={serverError}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
