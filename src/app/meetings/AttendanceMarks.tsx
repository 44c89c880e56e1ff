import { ATTENDANCE_MARKS, ATTENDANCE_WORDS, type AttendanceMark, type Meeting } from '../../domain/sets/meeting';
import { useRepositories } from '../db/RepositoryContext';
import { attendanceSummary } from './meetingText';
import type { SetPeople } from './useSetPeople';

/**
 * Who came: present, apologies or absent for each member, as big toggles (one tap each;
 * tapping the chosen mark again clears it). Members see the marks as words.
 */
export function AttendanceMarks({ meeting, people }: { readonly meeting: Meeting; readonly people: SetPeople }) {
  const repositories = useRepositories();
  // Everyone who presents, plus anyone marked who has since left the set.
  const userIds = [...new Set([...people.participants.map((m) => m.userId), ...Object.keys(meeting.attendance)])];

  function mark(userId: string, chosen: AttendanceMark) {
    const next = meeting.attendance[userId] === chosen ? null : chosen;
    void repositories.meetings.setAttendance(meeting.id, userId, next);
  }

  return (
    <section className="attendance" aria-labelledby={`${meeting.id}-attendance`}>
      <h3 id={`${meeting.id}-attendance`}>Attendance</h3>
      <p className="muted">{attendanceSummary(meeting)}</p>
      <ul className="attendance__list">
        {userIds.map((userId) => {
          const name = people.nameOf(userId);
          const current = meeting.attendance[userId];
          return (
            <li key={userId} className="attendance__row">
              <span className="attendance__name">{name}</span>
              {people.isFacilitator ? (
                <span className="toggle-group" role="group" aria-label={`Attendance: ${name}`}>
                  {ATTENDANCE_MARKS.map((option) => (
                    <button
                      key={option}
                      type="button"
                      className="toggle-button"
                      aria-pressed={current === option}
                      onClick={() => mark(userId, option)}
                    >
                      {ATTENDANCE_WORDS[option]}
                    </button>
                  ))}
                </span>
              ) : (
                <span>{current ? ATTENDANCE_WORDS[current] : <span className="muted">Not marked</span>}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
