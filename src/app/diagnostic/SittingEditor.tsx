import { Link, useLocation } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import { LEADERSHIP_QUALITIES, type Diagnostic } from '../../domain/review/diagnostic';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { useToastStore } from '../ui/toastStore';
import { VisibilityControl } from '../ui/VisibilityControl';
import { ratedCount, ratingOf, sittingName } from './diagnosticText';
import { QualityRow } from './QualityRow';

function SittingForm({ sitting }: { readonly sitting: Diagnostic }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const showToast = useToastStore((state) => state.show);

  async function remove() {
    await repositories.diagnostics.remove(sitting.id);
    showToast({ message: 'Sitting deleted', actionLabel: 'Undo', onAction: () => repositories.diagnostics.restore(sitting.id) });
    navigate('/');
  }

  return (
    <>
      <PageHeader
        title={sittingName(sitting)}
        actions={
          <Link href="/" className="button">
            All sittings
          </Link>
        }
      />
      <section className="card" aria-label="About this sitting">
        <p>
          Taken on {formatUkDate(sitting.takenOn)} · {ratedCount(sitting)}
        </p>
        <p className="muted">For each quality, choose where you are now and say why in a line or two. Everything saves as you go.</p>
        <VisibilityControl
          visibility={sitting.visibility}
          ownerId={sitting.owner}
          onChange={(visibility) => repositories.diagnostics.setVisibility(sitting.id, visibility)}
        />
      </section>
      {LEADERSHIP_QUALITIES.map((quality) => (
        <QualityRow key={quality.id} sittingId={sitting.id} quality={quality} rating={ratingOf(sitting, quality.id)} />
      ))}
      <div className="button-row">
        <Link href="/compare" className="button">
          Compare sittings
        </Link>
        <button type="button" className="button button--danger" onClick={() => void remove()}>
          Delete this sitting
        </button>
      </div>
    </>
  );
}

/** One sitting of the diagnostic: every quality with its score and note, saved as it changes. */
export function SittingEditor({ sittingId }: { readonly sittingId: string }) {
  const sitting = useLive((r) => r.diagnostics.get(sittingId).then((found) => found ?? null), [sittingId]);
  if (sitting === undefined) return <p className="muted">Opening the diagnostic…</p>;
  if (sitting === null) {
    return (
      <EmptyState title="This sitting is not here">
        <p>It may have been deleted.</p>
        <Link href="/" className="button">
          All sittings
        </Link>
      </EmptyState>
    );
  }
  return <SittingForm key={sitting.id} sitting={sitting} />;
}
