import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useLocation } from 'wouter';
import { formatInvitationCode } from '../../domain/sets/invitationCode';
import { describedBy, Field } from '../ui/Field';
import { codeFormSchema, type CodeFormOutput, type CodeFormValues } from './joinFormSchemas';

const HINT = 'It is in the message from your coordinator, e.g. K7QM-2XWP-9TRD-HC4B. Capitals and dashes do not matter.';

/** For someone who has the code but not the link. */
export function EnterCodeForm() {
  const [, navigate] = useLocation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<CodeFormValues, unknown, CodeFormOutput>({ resolver: zodResolver(codeFormSchema), defaultValues: { code: '' } });
  const error = errors.code?.message;

  return (
    <form noValidate aria-label="Enter your invitation code" onSubmit={(event) => void handleSubmit(({ code }) => navigate(`/join/${formatInvitationCode(code)}`))(event)}>
      <Field id="join-code" label="Invitation code" hint={HINT} error={error}>
        <input
          id="join-code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="cohort-code-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('join-code', HINT, error)}
          {...register('code')}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary">
          Open the invitation
        </button>
      </div>
    </form>
  );
}
