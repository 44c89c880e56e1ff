import { Fragment } from 'react';
import { NEXT_STEP_LABELS } from '../../domain/programme';
import type { TrialReview } from '../../domain/strategyTrial';

/** The evidence, learning and next step of a finished cycle. */
export function ReviewSummary({ review }: { readonly review: TrialReview }) {
  const rows: [string, string][] = [
    ['What went well', review.wentWell],
    ['What was not effective', review.notEffective],
    ['Problems', review.problems],
    ['What I learned', review.learning],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, text]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{text || <span className="muted">Not written</span>}</dd>
        </Fragment>
      ))}
      <dt>Next step</dt>
      <dd>{review.nextStep ? NEXT_STEP_LABELS[review.nextStep] : <span className="muted">Not decided yet</span>}</dd>
      {review.nextStepNote ? (
        <>
          <dt>About the next step</dt>
          <dd>{review.nextStepNote}</dd>
        </>
      ) : null}
    </dl>
  );
}
