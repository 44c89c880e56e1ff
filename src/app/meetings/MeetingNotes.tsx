import { Link, useLocation } from 'wouter';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { VisibilityNote } from '../ui/VisibilityNote';
import { ActionsFromLastTime } from './ActionsFromLastTime';
import { AttendanceMarks } from './AttendanceMarks';
import { CommentThread } from './CommentThread';
import { MeetingDateAndPlace } from './MeetingDateAndPlace';
import { MeetingText } from './MeetingText';
import { meetingTitle } from './meetingText';
import { MeetingRounds } from './MeetingRounds';
import { useSetPeople } from './useSetPeople';

/**
 * One meeting's notes, in the order the meeting runs: last time's actions, date and place,
 * attendance, check-in, a round per member, shared learning. The facilitator writes them;
 * a member reads them and adds to their own round.
 */
export function MeetingNotes({ meetingId }: { readonly meetingId: string }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);
  const meeting = useLive(async (r) => (await r.meetings.getMeeting(meetingId)) ?? null, [meetingId]);
  const people = useSetPeople(meeting?.setId);
  if (meeting === undefined || (meeting && !people)) return null;
  if (meeting === null || !people) {
    return (
      <section aria-labelledby="meeting-title" className="card">
        <h2 id="meeting-title">Meeting not found</h2>
        <p>This meeting is not on this device any more — it may have been deleted.</p>
      </section>
    );
  }
  const id = meeting.id;
  const writes = people.isFacilitator;

  async function remove() {
    await repositories.meetings.removeMeeting(id);
    showToast({ message: 'Meeting deleted', actionLabel: 'Undo', onAction: () => repositories.meetings.restoreMeeting(id) });
    navigate('/');
  }

  return (
    <section aria-labelledby="meeting-title" className="card meeting-notes">
      <h2 id="meeting-title">Set meeting, {meetingTitle(meeting)}</h2>
      <VisibilityNote visibility="set" />
      {writes ? (
        <div className="button-row">
          <Link href={`/meetings/${id}/run`} className="button button--primary">
            Meeting mode
          </Link>
          <span className="muted">Full screen, one presenter at a time, with a timer.</span>
        </div>
      ) : null}
      <ActionsFromLastTime meeting={meeting} people={people} />
      {writes ? <MeetingDateAndPlace key={id} meeting={meeting} /> : null}
      <AttendanceMarks meeting={meeting} people={people} />
      <MeetingText key={`check-in-${id}`} meeting={meeting} field="checkIn" editable={writes} />
      <MeetingRounds meeting={meeting} people={people} />
      <MeetingText key={`learning-${id}`} meeting={meeting} field="sharedLearning" editable={writes} />
      <CommentThread targetTable="meetings" targetId={id} />
      {writes ? (
        <div className="button-row">
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            Delete this meeting
          </button>
        </div>
      ) : null}
    </section>
  );
}
