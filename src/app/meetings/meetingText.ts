import { formatUkDate } from '../../domain/dates';
import { ATTENDANCE_MARKS, ATTENDANCE_WORDS, type Meeting } from '../../domain/sets/meeting';
import type { MeetingAction } from '../../domain/sets/meetingAction';

/** "4 present · 1 apologies", or a plain word when nobody has been marked. */
export function attendanceSummary(meeting: Pick<Meeting, 'attendance'>): string {
  const marks = Object.values(meeting.attendance);
  if (marks.length === 0) return 'Attendance not taken yet';
  return ATTENDANCE_MARKS.map((mark) => [mark, marks.filter((m) => m === mark).length] as const)
    .filter(([, count]) => count > 0)
    .map(([mark, count]) => `${count} ${ATTENDANCE_WORDS[mark].toLowerCase()}`)
    .join(' · ');
}

/** "14 May 2026 · Oakfield Primary library". */
export function meetingTitle(meeting: Pick<Meeting, 'heldOn' | 'place'>): string {
  return meeting.place ? `${formatUkDate(meeting.heldOn)} · ${meeting.place}` : formatUkDate(meeting.heldOn);
}

/** "Due 14 May 2026", "Overdue — due 10 May 2026", "No date set". */
export function dueText(action: Pick<MeetingAction, 'dueOn' | 'status'>, today: string): string {
  if (!action.dueOn) return 'No date set';
  if (action.status === 'open' && action.dueOn < today) return `Overdue — due ${formatUkDate(action.dueOn)}`;
  return `Due ${formatUkDate(action.dueOn)}`;
}
