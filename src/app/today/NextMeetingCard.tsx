import { formatUkDate, toIsoDate } from '../../domain/dates';
import { useLive } from '../db/useLiveRecords';

/** The next set meeting in the programme's calendar, today or later. Hidden outside a set. */
export function NextMeetingCard() {
  const today = toIsoDate(new Date());
  const data = useLive(
    async (r) => {
      const sets = await r.directory.mySets();
      const setIds = new Set(sets.map(({ set }) => set.id));
      const events = await r.directory.calendar();
      const next = events.find((event) => event.kind === 'set_meeting' && event.setId !== null && setIds.has(event.setId) && event.startsOn >= today);
      return { inASet: sets.length > 0, next: next ?? null };
    },
    [today],
  );
  if (!data || !data.inASet) return null;
  const { next } = data;
  return (
    <section aria-labelledby="today-next-meeting">
      <h2 id="today-next-meeting">Next set meeting</h2>
      {next ? (
        <p>
          <strong>{formatUkDate(next.startsOn)}</strong>
          {next.startTime ? `, ${next.startTime}` : null}
          {next.place ? ` · ${next.place}` : null}
          <br />
          <span className="muted">{next.title}</span>
        </p>
      ) : (
        <p className="muted">No set meeting in the calendar yet.</p>
      )}
    </section>
  );
}
