import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { INVITATION_ERRORS, type InvitationPreview } from '../../domain/sets/cohortApi';
import { signedInMessage, useAccountNoticeStore } from '../account/accountNoticeStore';
import { completeSignIn } from '../account/signInOnThisDevice';
import { NEW_PASSWORD_MIN_LENGTH, setupFormSchema, type SetupFormOutput, type SetupFormValues } from '../settings/accountFormSchemas';
import { CredentialFields } from '../settings/CredentialFields';
import { describedBy, Field } from '../ui/Field';
import { useToastStore } from '../ui/toastStore';
import { CohortApiError, cohortFailureMessage } from './cohortApi';
import { useCohortApi } from './CohortApiContext';
import { joinedMessage } from './joinText';

const PASSWORD_HINT = `At least ${NEW_PASSWORD_MIN_LENGTH} characters. A few ordinary words in a row work well.`;

/**
 * Accepting with a new account. The server answers like a sign-in, and the device takes it on
 * the same way (completeSignIn): anything written here signed out becomes this person's, and
 * the app switches to their own database, whose first sync brings the cohort.
 */
export function JoinWithNewAccountForm({ code, preview }: { readonly code: string; readonly preview: InvitationPreview }) {
  const api = useCohortApi();
  const [, navigate] = useLocation();
  const tell = useAccountNoticeStore((state) => state.tell);
  const showToast = useToastStore((state) => state.show);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SetupFormValues, unknown, SetupFormOutput>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { displayName: preview.displayName, email: preview.email, password: '' },
  });
  const emailTaken = errors.root?.server?.type === INVITATION_ERRORS.emailTaken;

  async function onSubmit(values: SetupFormOutput) {
    try {
      const session = await api.acceptWithNewAccount({ code, role: preview.role, ...values });
      const adopted = await completeSignIn(session);
      tell(signedInMessage(session.user.displayName, adopted));
      showToast({ message: joinedMessage(preview) });
      navigate('/');
    } catch (caught) {
      const type = caught instanceof CohortApiError && caught.code ? caught.code : 'failed';
      setError('root.server', { type, message: cohortFailureMessage(caught) });
    }
  }

  const nameError = errors.displayName?.message;
  return (
    <form noValidate aria-labelledby="join-account-heading" onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <h2 id="join-account-heading">Make your account</h2>
      <Field id="join-name" label="Your name" error={nameError}>
        <input
          id="join-name"
          type="text"
          autoComplete="name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('join-name', undefined, nameError)}
          {...register('displayName')}
        />
      </Field>
      <CredentialFields
        idPrefix="join"
        email={register('email')}
        password={register('password')}
        emailError={errors.email?.message}
        passwordError={errors.password?.message}
        passwordAutoComplete="new-password"
        passwordHint={PASSWORD_HINT}
        serverError={errors.root?.server?.message}
      />
      {emailTaken ? (
        <p>
          <Link href="/settings">Sign in in Settings</Link>, then open this invitation again.
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Joining…' : 'Make my account and join'}
        </button>
      </div>
    </form>
  );
}
