import { Link, useLocation } from 'wouter';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { VisibilityControl } from '../ui/VisibilityControl';
import { MeasureChart } from './MeasureChart';
import { MeasureFacts } from './MeasureFacts';
import { measureProgressText } from './measureText';
import { ReadingForm } from './ReadingForm';
import { ReadingsTable } from './ReadingsTable';

/** One measure: its definition, its readings over time, and a form for the next reading. */
export function MeasureDetail({ id }: { readonly id: string }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);
  const data = useLive(
    async (r) => ({ measure: (await r.measures.get(id)) ?? null, readings: await r.measures.readings(id) }),
    [id],
  );
  if (data === undefined) return null;
  const { measure, readings } = data;
  if (measure === null) {
    return (
      <section aria-labelledby="measure-title">
        <h2 id="measure-title">Measure not found</h2>
        <p>This measure is not on this device any more — it may have been deleted.</p>
      </section>
    );
  }
  const measureId = measure.id;

  async function remove() {
    await repositories.measures.remove(measureId);
    showToast({ message: 'Measure deleted', actionLabel: 'Undo', onAction: () => repositories.measures.restore(measureId) });
    navigate('/');
  }

  return (
    <section aria-labelledby="measure-title" className="card">
      <h2 id="measure-title">{measure.name}</h2>
      <p>{measureProgressText(measure, readings.at(-1) ?? null)}</p>
      <VisibilityControl
        visibility={measure.visibility}
        ownerId={measure.owner}
        onChange={(visibility) => repositories.measures.setVisibility(measureId, visibility)}
      />
      <MeasureFacts measure={measure} />
      <div className="button-row">
        <Link href={`/${measure.id}/edit`} className="button">
          Edit the measure
        </Link>
      </div>

      <h3>Readings</h3>
      <MeasureChart measure={measure} readings={readings} numbers="listed" />
      <ReadingsTable measure={measure} readings={readings} />

      <h3>Add a reading</h3>
      <ReadingForm key={measure.id} measure={measure} />

      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          Delete this measure
        </button>
      </div>
    </section>
  );
}
