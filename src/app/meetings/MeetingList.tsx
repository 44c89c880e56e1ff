import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import type { Meeting } from '../../domain/sets/meeting';
import { attendanceSummary } from './meetingText';

/** Meetings, newest first: date, place and who came. */
export function MeetingList({ meetings, selectedId }: { readonly meetings: readonly Meeting[]; readonly selectedId: string | null }) {
  return (
    <ul className="record-list" aria-label="Meetings">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link href={`/meetings/${meeting.id}`} aria-current={meeting.id === selectedId ? 'page' : undefined}>
            <strong>{formatUkDate(meeting.heldOn)}</strong>
            {meeting.place ? ` · ${meeting.place}` : null}
            <span className="record-list__meta record-list__line">{attendanceSummary(meeting)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
