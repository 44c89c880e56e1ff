import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { Membership } from '../../domain/sets/membership';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { withdrawFormSchema, type WithdrawFormValues } from './cohortFormSchemas';

interface WithdrawMemberFormProps {
  readonly member: Membership;
  /** Today's date, `YYYY-MM-DD`: the default. */
  readonly today: string;
  readonly onWithdrawn: () => void;
  readonly onCancel: () => void;
}

/** Marking a withdrawal is one deliberate step, with what it means said in words. */
export function WithdrawMemberForm({ member, today, onWithdrawn, onCancel }: WithdrawMemberFormProps) {
  const repositories = useRepositories();
  const id = `withdraw-${member.id}`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WithdrawFormValues>({ resolver: zodResolver(withdrawFormSchema), defaultValues: { withdrawnOn: today } });

  async function onSubmit(values: WithdrawFormValues) {
    try {
      await repositories.cohort.withdrawMember(member.id, values.withdrawnOn);
      onWithdrawn();
    } catch (caught) {
      setError('withdrawnOn', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const error = errors.withdrawnOn?.message;
  return (
    <form className="cohort-panel" noValidate aria-label={`Withdraw ${member.displayName}`} onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id={id} label="Withdrew on" error={error}>
        <input id={id} type="date" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, undefined, error)} {...register('withdrawnOn')} />
      </Field>
      <p>{member.displayName} keeps everything they wrote; the set's meeting notes stay with the set.</p>
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={isSubmitting}>
          Mark withdrawn
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
