import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

interface CredentialFieldsProps {
  readonly idPrefix: string;
  readonly email: UseFormRegisterReturn;
  readonly password: UseFormRegisterReturn;
  readonly emailError: string | undefined;
  readonly passwordError: string | undefined;
  /** 'current-password' to sign in, 'new-password' when choosing one (password managers care). */
  readonly passwordAutoComplete: 'current-password' | 'new-password';
  readonly passwordHint?: string;
  /** The server's refusal (wrong password, too many attempts, offline), shown under the fields. */
  readonly serverError: string | undefined;
}

/** Email and password as every account form asks for them. */
export function CredentialFields(props: CredentialFieldsProps) {
  const emailId = `${props.idPrefix}-email`;
  const passwordId = `${props.idPrefix}-password`;
  return (
    <>
      <Field id={emailId} label="Email" error={props.emailError}>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={props.emailError ? true : undefined}
          aria-describedby={describedBy(emailId, undefined, props.emailError)}
          {...props.email}
        />
      </Field>
      <Field id={passwordId} label="Password" hint={props.passwordHint} error={props.passwordError}>
        <input
          id={passwordId}
          type="password"
          autoComplete={props.passwordAutoComplete}
          aria-invalid={props.passwordError ? true : undefined}
          aria-describedby={describedBy(passwordId, props.passwordHint, props.passwordError)}
          {...props.password}
        />
      </Field>
      <FormError message={props.serverError} />
    </>
  );
}
