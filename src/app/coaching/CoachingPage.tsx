import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { CoacheeSection } from './CoacheeSection';
import { CoachSection } from './CoachSection';

/**
 * Coaching: session notes shared between one coach and one participant only. A coach sees
 * each person they coach (sessions, a new one, what that person shared with them); a
 * participant sees the sessions with their coach.
 */
export function CoachingPage() {
  const overview = useLive((r) => r.coaching.overview());
  return (
    <>
      <PageHeader title="Coaching" />
      {overview === undefined ? null : overview.asCoach.length + overview.asParticipant.length === 0 ? (
        <EmptyState title="No coaching yet">
          <p>Your coaching notes appear here once you have a coach, or coach someone. Only the two of you see them.</p>
        </EmptyState>
      ) : (
        <>
          {overview.asCoach.map(({ coachee, current, sessions }) => (
            <CoacheeSection key={coachee.userId} coachee={coachee} current={current} sessions={sessions} />
          ))}
          {overview.asParticipant.map(({ coach, sessions }) => (
            <CoachSection key={coach.userId} coach={coach} sessions={sessions} />
          ))}
        </>
      )}
    </>
  );
}
