import type { Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy, Field } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosavedFields } from './useAutosavedFields';

const DATE_MISSING = 'Enter the date of the meeting.';

/** The facilitator's date and place for the meeting, saved as typed. */
export function MeetingDateAndPlace({ meeting }: { readonly meeting: Meeting }) {
  const repositories = useRepositories();
  const idPrefix = `meeting-${meeting.id}`;
  const { values, setField, state, error } = useAutosavedFields(
    { heldOn: meeting.heldOn, place: meeting.place },
    // An emptied date is not saved: the meeting keeps its date until a new one is typed.
    ({ heldOn, ...others }) => repositories.meetings.updateMeeting(meeting.id, heldOn ? { heldOn, ...others } : others),
  );
  const dateError = values.heldOn === '' ? DATE_MISSING : undefined;
  return (
    <div className="meeting-facts">
      <Field id={`${idPrefix}-date`} label="Date" error={dateError}>
        <input
          id={`${idPrefix}-date`}
          type="date"
          value={values.heldOn}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={describedBy(`${idPrefix}-date`, undefined, dateError)}
          onChange={(event) => setField('heldOn', event.target.value)}
        />
      </Field>
      <Field id={`${idPrefix}-place`} label="Place">
        <input
          id={`${idPrefix}-place`}
          type="text"
          autoComplete="off"
          value={values.place}
          onChange={(event) => setField('place', event.target.value)}
        />
      </Field>
      <SavedIndicator state={state} error={error} />
    </div>
  );
}
