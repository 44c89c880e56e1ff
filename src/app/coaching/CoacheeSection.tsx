import { useState } from 'react';
import type { CoachingSession } from '../../domain/sets/coachingSession';
import type { CoachingPartner } from '../db/repositories/coachingRepository';
import { useLive } from '../db/useLiveRecords';
import { newSessionDraftKey } from './coachingText';
import { NewSessionForm } from './NewSessionForm';
import { SessionEditor } from './SessionEditor';
import { SharedByCoachee } from './SharedByCoachee';

interface CoacheeSectionProps {
  readonly coachee: CoachingPartner;
  /** False once the coaching has ended: the notes stay, no new session can be added. */
  readonly current: boolean;
  readonly sessions: CoachingSession[];
}

/** For a coach: one person they coach — the sessions, a new one, and what that person shared. */
export function CoacheeSection({ coachee, current, sessions }: CoacheeSectionProps) {
  const hasDraft = useLive((r) => r.drafts.get(newSessionDraftKey(coachee.userId)).then((draft) => draft !== undefined), [coachee.userId]);
  const [adding, setAdding] = useState(false);
  const headingId = `coachee-${coachee.userId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Coaching {coachee.name}</h2>
      <p>Your session notes are seen by you and {coachee.name} only. Either of you can add to them.</p>
      {current && (adding || hasDraft) ? (
        <NewSessionForm participantId={coachee.userId} participantName={coachee.name} onDone={() => setAdding(false)} />
      ) : current ? (
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add a session with {coachee.name}
          </button>
        </div>
      ) : null}
      {sessions.length === 0 ? (
        <p className="muted">No sessions yet. After you meet, note the date, what it was about and the next steps you agreed.</p>
      ) : (
        sessions.map((session) => (
          <SessionEditor key={session.id} session={session} viewerIsCoach audienceWords={`You and ${coachee.name} can see this`} />
        ))
      )}
      <SharedByCoachee coachee={coachee} />
    </section>
  );
}
