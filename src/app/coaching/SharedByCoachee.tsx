import { formatUkDate, formatUkDateTime } from '../../domain/dates';
import type { ImpactMeasure } from '../../domain/impactMeasure';
import type { LogEntry } from '../../domain/logEntry';
import { TRIAL_STATUS_LABELS } from '../../domain/programme';
import type { CoachingPartner } from '../db/repositories/coachingRepository';
import { useLive } from '../db/useLiveRecords';
import { measureProgressText } from '../measures/measureText';

function entryText(entry: LogEntry): string {
  return [entry.body, ...Object.values(entry.responses)].map((text) => text.trim()).filter((text) => text !== '').join('\n\n');
}

function SharedMeasure({ measure }: { readonly measure: ImpactMeasure }) {
  const readings = useLive((r) => r.measures.readings(measure.id), [measure.id]);
  return (
    <li>
      <strong>{measure.name}</strong>: {measureProgressText(measure, readings?.at(-1) ?? null)}
    </li>
  );
}

/**
 * What a coachee chose to show their coach (visibility "your coach", or "your set and your
 * coach"), as this device holds it. Read-only: only its author can change it.
 */
export function SharedByCoachee({ coachee }: { readonly coachee: CoachingPartner }) {
  const shared = useLive((r) => r.coaching.sharedBy(coachee.userId), [coachee.userId]);
  if (shared === undefined) return null;
  const { challenges, trials, measures, entries } = shared;
  const nothing = challenges.length + trials.length + measures.length + entries.length === 0;
  const headingId = `shared-by-${coachee.userId}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>What {coachee.name} has shared with you</h3>
      {nothing ? (
        <p>
          Nothing yet. When {coachee.name} shares their challenge, a trial, a measure or a log entry with you, it appears here.
        </p>
      ) : (
        <p className="muted">{coachee.name} chose to show you these. Only they can change them.</p>
      )}
      {challenges.map((challenge) => (
        <div key={challenge.id}>
          <h4>Their challenge</h4>
          <dl className="facts">
            <dt>Focus</dt>
            <dd>{challenge.focus}</dd>
            <dt>The issue</dt>
            <dd>{challenge.issue}</dd>
            {challenge.desiredOutcomes ? (
              <>
                <dt>Desired outcomes</dt>
                <dd>{challenge.desiredOutcomes}</dd>
              </>
            ) : null}
            <dt>Last changed</dt>
            <dd>{formatUkDate(challenge.updatedAt)}</dd>
          </dl>
        </div>
      ))}
      {trials.length > 0 ? (
        <>
          <h4>Trials</h4>
          <ul className="line-list">
            {trials.map((trial) => (
              <li key={trial.id}>
                <strong>{trial.what}</strong> — {TRIAL_STATUS_LABELS[trial.status]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {measures.length > 0 ? (
        <>
          <h4>Measures</h4>
          <ul className="line-list">
            {measures.map((measure) => (
              <SharedMeasure key={measure.id} measure={measure} />
            ))}
          </ul>
        </>
      ) : null}
      {entries.length > 0 ? (
        <>
          <h4>Log entries</h4>
          <ul className="line-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <p className="record-list__meta">{formatUkDateTime(entry.occurredAt)}</p>
                <p className="prose">{entryText(entry)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
