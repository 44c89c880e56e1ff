import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { CALENDAR_EVENT_KIND_WORDS, CALENDAR_EVENT_KINDS, type CalendarEvent } from '../../domain/sets/calendarEvent';
import type { LearningSet } from '../../domain/sets/learningSet';
import { useRepositories } from '../db/RepositoryContext';
import type { CalendarEventDetails } from '../db/repositories/cohortRepository';
import { describedBy, Field } from '../ui/Field';
import { eventFormSchema, eventFormValues, type EventFormValues } from './cohortFormSchemas';
import { FormError } from '../ui/FormError';

interface EventFormProps {
  readonly cohortId: string;
  /** The event being changed; null to add one. */
  readonly event: CalendarEvent | null;
  readonly sets: LearningSet[];
  readonly onDone: () => void;
}

type FieldName = Exclude<keyof EventFormValues, 'kind'>;

const HINTS: Partial<Record<FieldName, string>> = {
  title: 'e.g. "Core workshop 1: leading change"',
  endsOn: 'Only for something that lasts several days, like a coaching window.',
  startTime: 'e.g. 09:30. Leave empty if the time is not fixed yet.',
};

/** One date in the programme: a core workshop, a seminar, a set's meeting or a coaching window. */
export function EventForm({ cohortId, event, sets, onDone }: EventFormProps) {
  const repositories = useRepositories();
  const idPrefix = event ? `event-${event.id}` : 'new-event';
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EventFormValues, unknown, CalendarEventDetails>({
    resolver: zodResolver(eventFormSchema),
    defaultValues: eventFormValues(event),
  });
  const kind = useWatch({ control, name: 'kind' });

  async function onSubmit(details: CalendarEventDetails) {
    try {
      if (event) await repositories.cohort.updateEvent(event.id, details);
      else await repositories.cohort.createEvent(cohortId, details);
      onDone();
    } catch (caught) {
      setError('root', { message: caught instanceof Error ? caught.message : 'Could not save on this device.' });
    }
  }

  const inputProps = (name: FieldName | 'kind') => {
    const id = `${idPrefix}-${name}`;
    const error = errors[name]?.message;
    const hint = name === 'kind' ? undefined : HINTS[name];
    return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error), ...register(name) };
  };
  const field = (name: FieldName | 'kind') => ({
    id: `${idPrefix}-${name}`,
    error: errors[name]?.message,
    hint: name === 'kind' ? undefined : HINTS[name],
  });

  return (
    <form
      className="cohort-panel"
      noValidate
      aria-label={event ? `Change ${event.title}` : 'Add to the calendar'}
      onSubmit={(submitEvent) => void handleSubmit(onSubmit)(submitEvent)}
    >
      <Field {...field('kind')} label="What is it?">
        <select {...inputProps('kind')}>
          {CALENDAR_EVENT_KINDS.map((option) => (
            <option key={option} value={option}>
              {CALENDAR_EVENT_KIND_WORDS[option]}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'set_meeting' ? (
        <Field {...field('setId')} label="Which set meets?">
          <select {...inputProps('setId')}>
            <option value="">Choose a set</option>
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field {...field('title')} label="Title">
        <input type="text" autoComplete="off" {...inputProps('title')} />
      </Field>
      <div className="cohort-form-row">
        <Field {...field('startsOn')} label={kind === 'coaching_window' ? 'Opens on' : 'Date'}>
          <input type="date" {...inputProps('startsOn')} />
        </Field>
        <Field {...field('endsOn')} label={kind === 'coaching_window' ? 'Closes on' : 'Ends on (optional)'}>
          <input type="date" {...inputProps('endsOn')} />
        </Field>
      </div>
      <div className="cohort-form-row">
        <Field {...field('startTime')} label="Time (optional)">
          <input type="time" {...inputProps('startTime')} />
        </Field>
        <Field {...field('place')} label="Place (optional)">
          <input type="text" autoComplete="off" {...inputProps('place')} />
        </Field>
      </div>
      <FormError message={errors.root?.message} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {event ? 'Save changes' : 'Add to the calendar'}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
