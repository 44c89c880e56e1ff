import { useState } from 'react';
import { CALENDAR_EVENT_KIND_WORDS, type CalendarEvent } from '../../domain/sets/calendarEvent';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { eventWhenText } from './cohortText';
import { EventForm } from './EventForm';

/** The programme's rhythm by date: core workshops, seminars, each set's meetings, coaching windows. */
export function ProgrammeCalendar({ cohortId }: { readonly cohortId: string }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const events = useLive((r) => r.directory.calendar(cohortId), [cohortId]);
  const sets = useLive((r) => r.directory.sets(cohortId), [cohortId]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  if (events === undefined || sets === undefined) return null;

  const setName = (setId: string | null) => sets.find((set) => set.id === setId)?.name ?? 'A set';

  async function remove(event: CalendarEvent) {
    await repositories.cohort.removeEvent(event.id);
    showToast({ message: `${event.title} removed from the calendar.`, actionLabel: 'Undo', onAction: () => repositories.cohort.restoreEvent(event.id) });
  }

  return (
    <section aria-labelledby="calendar-heading">
      <div className="cohort-section-header">
        <h2 id="calendar-heading">Programme calendar</h2>
        {editing === null ? (
          <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
            Add to the calendar
          </button>
        ) : null}
      </div>
      {editing === 'new' ? <EventForm cohortId={cohortId} event={null} sets={sets} onDone={() => setEditing(null)} /> : null}
      {events.length === 0 ? (
        <p className="muted">
          Nothing on the calendar yet. A year usually has 3 core workshops, a few seminars, 6 meetings for each set and windows for
          coaching.
        </p>
      ) : (
        <ol className="cohort-calendar" aria-label="Calendar by date">
          {events.map((event) =>
            editing === event.id ? (
              <li key={event.id}>
                <EventForm cohortId={cohortId} event={event} sets={sets} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={event.id} className="cohort-calendar__event">
                <div>
                  <p className="cohort-calendar__when">{eventWhenText(event)}</p>
                  <p>
                    <span className="tag">{CALENDAR_EVENT_KIND_WORDS[event.kind]}</span>
                    {event.kind === 'set_meeting' ? <span className="tag">{setName(event.setId)}</span> : null}
                    <strong>{event.title}</strong>
                  </p>
                  {event.place ? <p className="muted">{event.place}</p> : null}
                </div>
                <div className="button-row">
                  <button type="button" className="button" onClick={() => setEditing(event.id)} aria-label={`Edit ${event.title}`}>
                    Edit
                  </button>
                  <button type="button" className="button button--danger" onClick={() => void remove(event)} aria-label={`Remove ${event.title}`}>
                    Remove
                  </button>
                </div>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
