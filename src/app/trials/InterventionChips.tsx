import { INTERVENTIONS } from '../../domain/programme';

interface InterventionChipsProps {
  readonly current: string;
  readonly onPick: (intervention: string) => void;
}

/** Strategies other schools tried; a tap fills the "what" box, which stays free to edit. */
export function InterventionChips({ current, onPick }: InterventionChipsProps) {
  return (
    <div className="chips" role="group" aria-label="Strategies other schools have tried">
      {INTERVENTIONS.map((intervention) => (
        <button
          key={intervention}
          type="button"
          className="chip"
          aria-pressed={current.trim() === intervention}
          onClick={() => onPick(intervention)}
        >
          {intervention}
        </button>
      ))}
    </div>
  );
}
