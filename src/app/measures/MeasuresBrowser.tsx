import { Link } from 'wouter';
import { EmptyState } from '../ui/EmptyState';
import { ListDetailSplit } from '../ui/ListDetailSplit';
import { PageHeader } from '../ui/PageHeader';
import { MeasureDetail } from './MeasureDetail';
import { MeasureList } from './MeasureList';
import { useMeasureSummaries } from './useMeasureSummaries';

/** The list of measures and, beside it in landscape, the one chosen. */
export function MeasuresBrowser({ selectedId }: { readonly selectedId: string | null }) {
  const summaries = useMeasureSummaries();
  const addButton = (
    <Link href="/new" className="button button--primary">
      Add a measure
    </Link>
  );
  if (summaries === undefined) return <PageHeader title="Measures" />;

  if (summaries.length === 0 && !selectedId) {
    return (
      <>
        <PageHeader title="Measures" />
        <EmptyState title="No measures yet">
          <p>A measure shows your impact in numbers: the baseline before any change, a target, and dated readings.</p>
          <div className="button-row">{addButton}</div>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Measures" actions={addButton} />
      <ListDetailSplit
        idPrefix="measure"
        listHeading="Your measures"
        list={<MeasureList summaries={summaries} selectedId={selectedId} />}
        selectedId={selectedId}
        detail={selectedId ? <MeasureDetail id={selectedId} /> : null}
        backLabel="← All measures"
        placeholder="Choose a measure to see its readings."
      />
    </>
  );
}
