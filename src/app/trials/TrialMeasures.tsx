import { Link } from 'wouter';
import { measureProgressText } from '../measures/measureText';
import { useMeasureSummaries } from '../measures/useMeasureSummaries';

/** The evidence in numbers: measures kept for this trial. */
export function TrialMeasures({ trialId }: { readonly trialId: string }) {
  const summaries = useMeasureSummaries();
  const mine = summaries?.filter(({ measure }) => measure.trialId === trialId);
  return (
    <>
      <h3>Measures for this trial</h3>
      {mine && mine.length > 0 ? (
        <ul className="record-list">
          {mine.map(({ measure, latest }) => (
            <li key={measure.id}>
              <Link href={`~/measures/${measure.id}`}>
                <strong>{measure.name}</strong>
                <span className="record-list__meta record-list__line">{measureProgressText(measure, latest)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet. A measure shows the impact in numbers over time.</p>
      )}
      <div className="button-row">
        <Link href={`~/measures/new?trial=${encodeURIComponent(trialId)}`} className="button">
          Add a measure
        </Link>
      </div>
    </>
  );
}
