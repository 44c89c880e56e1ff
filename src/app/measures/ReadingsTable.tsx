import { formatUkDate } from '../../domain/dates';
import type { ImpactMeasure, MeasureReading } from '../../domain/impactMeasure';
import { useRepositories } from '../db/RepositoryContext';
import { useToastStore } from '../ui/toastStore';
import { formatForMeasure } from './measureText';

interface ReadingsTableProps {
  readonly measure: ImpactMeasure;
  readonly readings: MeasureReading[];
}

/** The readings, oldest first, each with its date, value and note. */
export function ReadingsTable({ measure, readings }: ReadingsTableProps) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);

  async function remove(reading: MeasureReading) {
    await repositories.measures.removeReading(reading.id);
    showToast({
      message: 'Reading deleted',
      actionLabel: 'Undo',
      onAction: () => repositories.measures.restoreReading(reading.id),
    });
  }

  if (readings.length === 0) return <p className="muted">No readings yet. Add the first one below.</p>;
  return (
    <table className="data">
      <caption className="visually-hidden">Readings of {measure.name}, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Value</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {readings.map((reading) => (
          <tr key={reading.id}>
            <td>{formatUkDate(reading.date)}</td>
            <td>{formatForMeasure(measure, reading.value)}</td>
            <td>{reading.note}</td>
            <td>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Delete the reading of ${formatForMeasure(measure, reading.value)} on ${formatUkDate(reading.date)}`}
                onClick={() => void remove(reading)}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
