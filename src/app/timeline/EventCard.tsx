import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import { CALENDAR_EVENT_KIND_WORDS } from '../../domain/sets/calendarEvent';
import { useLive } from '../db/useLiveRecords';

/**
 * A programme event opened from the timeline: what, when and where. Beside the list in
 * landscape; a panel over the foot of the list in portrait, so the list keeps its place.
 */
export function EventCard({ eventId }: { readonly eventId: string }) {
  const event = useLive((r) => r.timeline.event(eventId).then((found) => found ?? null), [eventId]);
  const cardRef = useRef<HTMLElement>(null);
  const loaded = event !== undefined;
  useEffect(() => {
    if (loaded) cardRef.current?.focus();
  }, [loaded, eventId]);
  if (event === undefined) return null;
  return (
    <section className="card timeline-event" aria-labelledby="timeline-event-heading" ref={cardRef} tabIndex={-1}>
      {event === null ? (
        <>
          <h2 id="timeline-event-heading" className="card__title">
            Event not found
          </h2>
          <p>This event is no longer in the programme&rsquo;s calendar on this device.</p>
        </>
      ) : (
        <>
          <p className="muted">{CALENDAR_EVENT_KIND_WORDS[event.kind]}</p>
          <h2 id="timeline-event-heading" className="card__title">
            {event.title}
          </h2>
          <dl className="facts">
            <dt>When</dt>
            <dd>
              {formatUkDate(event.startsOn)}
              {event.endsOn && event.endsOn !== event.startsOn ? ` to ${formatUkDate(event.endsOn)}` : ''}
              {event.startTime ? `, ${event.startTime}` : ''}
            </dd>
            {event.place ? (
              <>
                <dt>Where</dt>
                <dd>{event.place}</dd>
              </>
            ) : null}
          </dl>
        </>
      )}
      <Link href="/" className="button">
        Close
      </Link>
    </section>
  );
}
