import { Link, useSearch } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { MeetingsBrowser } from './MeetingsBrowser';

/**
 * Which set to show: the open meeting's, else the one chosen (?set=), else the first. Most
 * people are in one set; a facilitator of two picks between them.
 */
export function SetHome({ selectedMeetingId }: { readonly selectedMeetingId: string | null }) {
  const chosenSetId = new URLSearchParams(useSearch()).get('set');
  const data = useLive(
    async (repositories) => ({
      sets: await repositories.directory.mySets(),
      meeting: selectedMeetingId ? ((await repositories.meetings.getMeeting(selectedMeetingId)) ?? null) : null,
    }),
    [selectedMeetingId],
  );
  if (data === undefined) return <PageHeader title="My set" />;

  if (data.sets.length === 0) {
    return (
      <>
        <PageHeader title="My set" />
        <EmptyState title="You are not in a set yet">
          <p>
            An action learning set is a small group of school leaders who meet through the year to help each other with their
            challenges; when you join one, its meetings and what members share will appear here.
          </p>
        </EmptyState>
      </>
    );
  }

  const wantedSetId = data.meeting?.setId ?? chosenSetId;
  const current = data.sets.find(({ set }) => set.id === wantedSetId) ?? data.sets[0];
  if (!current) return null;
  return (
    <>
      {data.sets.length > 1 ? (
        <nav className="chips" aria-label="Your sets">
          {data.sets.map(({ set }) => (
            <Link key={set.id} href={`/?set=${encodeURIComponent(set.id)}`} className="chip" aria-current={set.id === current.set.id ? 'page' : undefined}>
              {set.name}
            </Link>
          ))}
        </nav>
      ) : null}
      <MeetingsBrowser
        key={current.set.id}
        set={current.set}
        isFacilitator={current.role === 'facilitator'}
        selectedMeetingId={selectedMeetingId}
      />
    </>
  );
}
