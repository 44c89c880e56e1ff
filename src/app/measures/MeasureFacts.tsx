import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import type { ImpactMeasure } from '../../domain/impactMeasure';
import { MEASURE_UNIT_LABELS } from '../../domain/programme';
import { useLive } from '../db/useLiveRecords';
import { formatForMeasure } from './measureText';

/** The measure's definition: unit, baseline, target and what it is evidence for. */
export function MeasureFacts({ measure }: { readonly measure: ImpactMeasure }) {
  const linked = useLive(
    async (repositories) => ({
      challenge: measure.challengeId ? ((await repositories.challenge.current()) ?? null) : null,
      trial: measure.trialId ? ((await repositories.trials.get(measure.trialId)) ?? null) : null,
    }),
    [measure.challengeId, measure.trialId],
  );
  // The link stands alone in the list, not in a sentence: it needs a full-size touch target.
  const linkClass = 'button button--quiet';
  let evidenceFor = <span className="muted">Not linked</span>;
  if (linked === undefined) {
    evidenceFor = <></>;
  } else if (measure.trialId) {
    evidenceFor = linked.trial ? (
      <Link href={`~/trials/${linked.trial.id}`} className={linkClass}>
        Trial: {linked.trial.what}
      </Link>
    ) : (
      <>A trial</>
    );
  } else if (measure.challengeId) {
    evidenceFor =
      linked.challenge && linked.challenge.id === measure.challengeId ? (
        <Link href="~/challenge" className={linkClass}>
          My challenge: {linked.challenge.focus}
        </Link>
      ) : (
        <>An earlier challenge</>
      );
  }

  return (
    <dl className="facts">
      <dt>Unit</dt>
      <dd>{measure.unit === 'free' ? measure.unitLabel : MEASURE_UNIT_LABELS[measure.unit]}</dd>
      <dt>Baseline</dt>
      <dd>
        {formatForMeasure(measure, measure.baselineValue)} on {formatUkDate(measure.baselineDate)}
      </dd>
      <dt>Target</dt>
      <dd>{measure.target === null ? <span className="muted">No target set</span> : formatForMeasure(measure, measure.target)}</dd>
      <dt>Evidence for</dt>
      <dd>{evidenceFor}</dd>
    </dl>
  );
}
