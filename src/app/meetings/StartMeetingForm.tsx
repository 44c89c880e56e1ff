import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { toIsoDate } from '../../domain/dates';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { FormError } from '../ui/FormError';

const startMeetingSchema = z.object({
  heldOn: z.iso.date({ error: 'Enter the date of the meeting.' }),
  place: z.string().trim().max(200, { error: 'Keep the place short — under 200 characters.' }),
});
type StartMeetingValues = z.input<typeof startMeetingSchema>;
type StartMeetingOutput = z.output<typeof startMeetingSchema>;

const PLACE_HINT = 'e.g. "Oakfield Primary library"';

/** Date (today unless changed) and place; the notes open with a round for every member. */
export function StartMeetingForm({ setId, onDone }: { readonly setId: string; readonly onDone: () => void }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StartMeetingValues, unknown, StartMeetingOutput>({
    resolver: zodResolver(startMeetingSchema),
    defaultValues: { heldOn: toIsoDate(new Date()), place: '' },
  });

  async function onSubmit(values: StartMeetingOutput) {
    try {
      const meeting = await repositories.meetings.startMeeting({ setId, ...values });
      onDone();
      navigate(`/meetings/${meeting.id}`);
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  return (
    <form className="card" aria-label="Start a meeting" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <h2 className="card__title">Start a meeting</h2>
      <Field id="start-held-on" label="Date" error={errors.heldOn?.message}>
        <input
          id="start-held-on"
          type="date"
          aria-invalid={errors.heldOn ? true : undefined}
          aria-describedby={describedBy('start-held-on', undefined, errors.heldOn?.message)}
          {...register('heldOn')}
        />
      </Field>
      <Field id="start-place" label="Place" hint={PLACE_HINT} error={errors.place?.message}>
        <input
          id="start-place"
          type="text"
          autoComplete="off"
          aria-invalid={errors.place ? true : undefined}
          aria-describedby={describedBy('start-place', PLACE_HINT, errors.place?.message)}
          {...register('place')}
        />
      </Field>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          Start the meeting
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
