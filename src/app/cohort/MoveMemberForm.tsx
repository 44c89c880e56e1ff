import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { LearningSet } from '../../domain/sets/learningSet';
import type { Membership } from '../../domain/sets/membership';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { moveFormSchema, type MoveFormValues } from './cohortFormSchemas';

interface MoveMemberFormProps {
  readonly member: Membership;
  /** The sets they could move to (not their own). */
  readonly sets: LearningSet[];
  readonly onMoved: (set: LearningSet) => void;
  readonly onCancel: () => void;
}

export function MoveMemberForm({ member, sets, onMoved, onCancel }: MoveMemberFormProps) {
  const repositories = useRepositories();
  const id = `move-${member.id}`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MoveFormValues>({ resolver: zodResolver(moveFormSchema), defaultValues: { setId: '' } });

  async function onSubmit(values: MoveFormValues) {
    const set = sets.find((candidate) => candidate.id === values.setId);
    if (!set) return;
    try {
      await repositories.cohort.moveMember(member.id, set.id);
      onMoved(set);
    } catch (caught) {
      setError('setId', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const error = errors.setId?.message;
  const hint = 'What they shared with their old set stays with that set.';
  return (
    <form className="cohort-panel" noValidate aria-label={`Move ${member.displayName}`} onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id={id} label={`Move ${member.displayName} to`} hint={hint} error={error}>
        <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...register('setId')}>
          <option value="">Choose a set</option>
          {sets.map((set) => (
            <option key={set.id} value={set.id}>
              {set.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Move
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
