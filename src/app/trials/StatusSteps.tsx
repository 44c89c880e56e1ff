import type { TrialStatus } from '../../domain/programme';

const STEPS: { label: string; status: TrialStatus }[] = [
  { label: 'Plan', status: 'planned' },
  { label: 'Do', status: 'under_way' },
  { label: 'Evidence', status: 'reviewing' },
  { label: 'Learning', status: 'reviewing' },
  { label: 'Next step', status: 'done' },
];
const ORDER: TrialStatus[] = ['planned', 'under_way', 'reviewing', 'done'];

/** The learning cycle as visible steps, Plan → Do → Evidence → Learning → Next step. */
export function StatusSteps({ status }: { readonly status: TrialStatus }) {
  const here = ORDER.indexOf(status);
  return (
    <ol className="cycle-steps" aria-label="The learning cycle">
      {STEPS.map((step) => {
        const position = ORDER.indexOf(step.status);
        const state = position < here || status === 'done' ? 'done' : position === here ? 'current' : 'to-come';
        return (
          <li
            key={step.label}
            className={state === 'to-come' ? 'cycle-step' : `cycle-step cycle-step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {state === 'done' ? <span aria-hidden="true">✓ </span> : null}
            {step.label}
            {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            {state === 'current' ? <span className="visually-hidden"> (you are here)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
