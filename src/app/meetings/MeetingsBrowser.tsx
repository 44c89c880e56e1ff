import { useState } from 'react';
import type { LearningSet } from '../../domain/sets/learningSet';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { ListDetailSplit } from '../ui/ListDetailSplit';
import { PageHeader } from '../ui/PageHeader';
import { MeetingList } from './MeetingList';
import { MeetingNotes } from './MeetingNotes';
import { SharedWithSet } from './SharedWithSet';
import { StartMeetingForm } from './StartMeetingForm';

interface MeetingsBrowserProps {
  readonly set: LearningSet;
  readonly isFacilitator: boolean;
  readonly selectedMeetingId: string | null;
}

/** The set's meetings, newest first, and beside them in landscape the notes of the one open. */
export function MeetingsBrowser({ set, isFacilitator, selectedMeetingId }: MeetingsBrowserProps) {
  const meetings = useLive((repositories) => repositories.meetings.listMeetings(set.id), [set.id]);
  const [starting, setStarting] = useState(false);
  const startButton =
    isFacilitator && !starting ? (
      <button type="button" className="button button--primary" onClick={() => setStarting(true)}>
        Start a meeting
      </button>
    ) : null;

  return (
    <>
      <PageHeader title={`My set: ${set.name}`} actions={startButton} />
      {starting ? <StartMeetingForm setId={set.id} onDone={() => setStarting(false)} /> : null}
      {meetings === undefined ? null : meetings.length === 0 && !selectedMeetingId ? (
        <EmptyState title="No meetings yet">
          <p>
            {isFacilitator
              ? 'Start a meeting when the set meets: you note who came, each member’s round, and the actions agreed.'
              : 'Your facilitator’s notes from each set meeting will appear here: your round, the set’s questions and the actions you agreed.'}
          </p>
        </EmptyState>
      ) : (
        <ListDetailSplit
          idPrefix="meeting"
          listHeading="Meetings"
          list={<MeetingList meetings={meetings} selectedId={selectedMeetingId} />}
          selectedId={selectedMeetingId}
          detail={selectedMeetingId ? <MeetingNotes meetingId={selectedMeetingId} /> : null}
          backLabel="← All meetings"
          placeholder="Choose a meeting to read or write its notes."
          wideDetail
        />
      )}
      {selectedMeetingId ? null : <SharedWithSet setId={set.id} />}
    </>
  );
}
