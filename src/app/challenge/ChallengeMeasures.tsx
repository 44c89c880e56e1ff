import { Link } from 'wouter';
import { useLive } from '../db/useLiveRecords';
import { measureProgressText } from '../measures/measureText';
import { useMeasureSummaries } from '../measures/useMeasureSummaries';

/** Measures of this challenge (or of one of its trials): baseline → latest reading. */
export function ChallengeMeasures({ challengeId }: { readonly challengeId: string }) {
  const summaries = useMeasureSummaries();
  const trialIds = useLive(async (repositories) => {
    const trials = await repositories.trials.list();
    return new Set(trials.filter((trial) => trial.challengeId === challengeId).map((trial) => trial.id));
  }, [challengeId]);
  const mine =
    summaries && trialIds
      ? summaries.filter(
          ({ measure }) => measure.challengeId === challengeId || (measure.trialId !== null && trialIds.has(measure.trialId)),
        )
      : undefined;

  return (
    <section aria-labelledby="challenge-measures-heading">
      <h2 id="challenge-measures-heading">Measures</h2>
      {mine !== undefined && mine.length === 0 ? (
        <p className="muted">A measure shows the impact in numbers: where you started, a target, and readings over time.</p>
      ) : null}
      {mine && mine.length > 0 ? (
        <ul className="record-list">
          {mine.map(({ measure, latest }) => (
            <li key={measure.id}>
              <Link href={`~/measures/${measure.id}`}>
                <strong>{measure.name}</strong>
                <span className="record-list__meta"> · {measureProgressText(measure, latest)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <Link href="~/measures/new" className="button">
          Add a measure
        </Link>
      </div>
    </section>
  );
}
