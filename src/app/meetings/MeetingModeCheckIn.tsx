import type { Meeting } from '../../domain/sets/meeting';
import { ActionsFromLastTime } from './ActionsFromLastTime';
import { AttendanceMarks } from './AttendanceMarks';
import { MeetingText } from './MeetingText';
import { RoundMinutesField } from './RoundMinutesField';
import type { SetPeople } from './useSetPeople';

/** Before the rounds: last time's actions, who is here, the check-in, and each round's length. */
export function MeetingModeCheckIn({ meeting, people }: { readonly meeting: Meeting; readonly people: SetPeople }) {
  return (
    <>
      <h2>Check-in</h2>
      <ActionsFromLastTime meeting={meeting} people={people} />
      <AttendanceMarks meeting={meeting} people={people} />
      <MeetingText key={`check-in-${meeting.id}`} meeting={meeting} field="checkIn" editable large />
      <RoundMinutesField meeting={meeting} />
    </>
  );
}
