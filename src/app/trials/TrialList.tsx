import { Link } from 'wouter';
import { TRIAL_STATUS_LABELS, TRIAL_STATUSES } from '../../domain/programme';
import type { StrategyTrial } from '../../domain/strategyTrial';
import { useUiPreferences, type UiPreferences } from '../state/uiPreferences';
import { trialDatesText } from './trialText';

type StatusFilter = UiPreferences['trialStatusFilter'];

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...TRIAL_STATUSES.map((status) => ({ value: status, label: TRIAL_STATUS_LABELS[status] })),
];

interface TrialListProps {
  readonly trials: StrategyTrial[];
  readonly selectedId: string | null;
}

/** All trials, filtered by where they are in the cycle (the choice is remembered). */
export function TrialList({ trials, selectedId }: TrialListProps) {
  const filter = useUiPreferences((state) => state.trialStatusFilter);
  const setPreferences = useUiPreferences((state) => state.set);
  const shown = filter === 'all' ? trials : trials.filter((trial) => trial.status === filter);
  const filterLabel = FILTERS.find((option) => option.value === filter)?.label ?? 'All';

  return (
    <>
      <div className="chips" role="group" aria-label="Show trials">
        {FILTERS.map((option) => (
          <button
            key={option.value}
            type="button"
            className="chip"
            aria-pressed={filter === option.value}
            onClick={() => setPreferences({ trialStatusFilter: option.value })}
          >
            {option.label}
          </button>
        ))}
      </div>
      {shown.length === 0 ? <p className="muted">No trials are {filterLabel.toLowerCase()} just now.</p> : null}
      <ul className="record-list" aria-label={filter === 'all' ? 'All trials' : `Trials: ${filterLabel}`}>
        {shown.map((trial) => (
          <li key={trial.id}>
            <Link href={`/${trial.id}`} aria-current={trial.id === selectedId ? 'page' : undefined}>
              <strong>{trial.what}</strong> <span className="status-tag">{TRIAL_STATUS_LABELS[trial.status]}</span>
              <span className="record-list__meta record-list__line">
                {trialDatesText(trial)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
