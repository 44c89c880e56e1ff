import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { CreatedInvitation } from '../../domain/sets/cohortApi';
import type { LearningSet } from '../../domain/sets/learningSet';
import { MEMBER_ROLES, type Membership } from '../../domain/sets/membership';
import { describedBy, Field } from '../ui/Field';
import { FieldGroup } from '../ui/FieldGroup';
import { cohortFailureMessage } from './cohortApi';
import { useCohortApi } from './CohortApiContext';
import {
  DEFAULT_INVITATION_DAYS,
  invitationFormSchema,
  type InvitationFormOutput,
  type InvitationFormValues,
} from './cohortFormSchemas';
import { roleTitle } from './cohortText';
import { FormError } from '../ui/FormError';

interface InvitationFormProps {
  readonly cohortId: string;
  readonly sets: LearningSet[];
  /** Active participants of the cohort: the people a coach can be invited for. */
  readonly participants: Membership[];
  readonly onCreated: (created: CreatedInvitation) => void;
}

type FieldName = Exclude<keyof InvitationFormValues, 'role'>;

const HINTS: Partial<Record<FieldName, string>> = {
  displayName: 'As they would like their set to see it, e.g. "Priya Shah".',
  expiresInDays: 'After this the code no longer works; you can always send a new one.',
};

const EMPTY: InvitationFormValues = { displayName: '', email: '', role: 'participant', setId: '', coacheeId: '', expiresInDays: String(DEFAULT_INVITATION_DAYS) };

/** Invites one named person to the cohort with a role, and a set or (for a coach) the participant to coach. */
export function InvitationForm({ cohortId, sets, participants, onCreated }: InvitationFormProps) {
  const api = useCohortApi();
  const schema = useMemo(() => invitationFormSchema(cohortId), [cohortId]);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InvitationFormValues, unknown, InvitationFormOutput>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const role = useWatch({ control, name: 'role' });

  async function onSubmit(body: InvitationFormOutput) {
    try {
      const created = await api.createInvitation(body);
      reset(EMPTY);
      onCreated(created);
    } catch (caught) {
      // Everything typed stays, so it can be sent again (for instance once back online).
      setError('root.server', { message: cohortFailureMessage(caught) });
    }
  }

  const input = (name: FieldName) => {
    const id = `invite-${name}`;
    const error = errors[name]?.message;
    return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, HINTS[name], error), ...register(name) };
  };
  const field = (name: FieldName) => ({ id: `invite-${name}`, error: errors[name]?.message, hint: HINTS[name] });

  return (
    <form noValidate aria-label="Invite someone" onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field {...field('displayName')} label="Their name">
        <input type="text" autoComplete="off" {...input('displayName')} />
      </Field>
      <Field {...field('email')} label="Their email">
        <input type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} {...input('email')} />
      </Field>
      <FieldGroup id="invite-role" legend="They join as" error={errors.role?.message}>
        <div className="chips">
          {MEMBER_ROLES.map((option) => (
            <label key={option} className="chip-choice">
              <input type="radio" value={option} {...register('role')} />
              {roleTitle(option)}
            </label>
          ))}
        </div>
      </FieldGroup>
      {role === 'coach' ? (
        <Field {...field('coacheeId')} label="The participant they will coach">
          <select {...input('coacheeId')}>
            <option value="">Choose a participant</option>
            {participants.map((participant) => (
              <option key={participant.id} value={participant.userId}>
                {participant.displayName}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field {...field('setId')} label="The set they will join">
          <select {...input('setId')}>
            <option value="">Choose a set</option>
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {role === 'coach' && participants.length === 0 ? (
        <p className="muted">A coach coaches one participant. Once participants have joined, you can invite their coaches.</p>
      ) : null}
      <Field {...field('expiresInDays')} label="The invitation lasts (days)">
        <input type="number" inputMode="numeric" min={1} max={60} className="cohort-days" {...input('expiresInDays')} />
      </Field>
      <FormError message={errors.root?.server?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? 'Making the invitation…' : 'Make the invitation'}
        </button>
      </div>
    </form>
  );
}
