import { Link } from 'wouter';
import { measureProgressText } from './measureText';
import type { MeasureSummary } from './useMeasureSummaries';

/** Each measure with where it started, where it is now and its target. */
export function MeasureList({ summaries, selectedId }: { readonly summaries: MeasureSummary[]; readonly selectedId: string | null }) {
  return (
    <ul className="record-list" aria-label="All measures">
      {summaries.map(({ measure, latest }) => (
        <li key={measure.id}>
          <Link href={`/${measure.id}`} aria-current={measure.id === selectedId ? 'page' : undefined}>
            <strong>{measure.name}</strong>
            <span className="record-list__meta record-list__line">{measureProgressText(measure, latest)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
