import type { CoachingSession } from '../../domain/sets/coachingSession';
import type { CoachingPartner } from '../db/repositories/coachingRepository';
import { SessionEditor } from './SessionEditor';

interface CoachSectionProps {
  readonly coach: CoachingPartner;
  readonly sessions: CoachingSession[];
}

/** For a participant: the sessions with their coach; they can add to the notes and next steps. */
export function CoachSection({ coach, sessions }: CoachSectionProps) {
  const headingId = `coach-${coach.userId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Coaching with {coach.name}</h2>
      <p>Your coach notes each session; you can add to the notes and the next steps. Only the two of you can see them.</p>
      {sessions.length === 0 ? (
        <p className="muted">No sessions yet. After you meet, {coach.name} adds the notes here.</p>
      ) : (
        sessions.map((session) => (
          <SessionEditor
            key={session.id}
            session={session}
            viewerIsCoach={false}
            audienceWords={`You and your coach (${coach.name}) can see this`}
          />
        ))
      )}
    </section>
  );
}
