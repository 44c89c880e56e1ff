import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatUkDate, toIsoDate } from '../../domain/dates';
import type { Diagnostic } from '../../domain/review/diagnostic';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { defaultSittingLabel, ratedCount, sittingName } from './diagnosticText';
import { FormError } from '../ui/FormError';

/** Starting a sitting: a label (offered) and the date, then straight to the qualities. */
function StartSitting({ existing }: { readonly existing: number }) {
  const repositories = useRepositories();
  const [, navigate] = useLocation();
  const [label, setLabel] = useState(defaultSittingLabel(existing));
  const [takenOn, setTakenOn] = useState(() => toIsoDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function start() {
    setError(null);
    try {
      const sitting = await repositories.diagnostics.start(label, takenOn);
      navigate(`/${sitting.id}`);
    } catch {
      setError('Choose the date you are taking it, and keep the name under 100 characters.');
    }
  }

  return (
    <form
      className="card"
      aria-label="Take the diagnostic"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h2 className="card__title">{existing === 0 ? 'Take the diagnostic' : 'Take it again'}</h2>
      <div className="field">
        <label htmlFor={`${id}-label`} className="field__label">
          Name this sitting
        </label>
        <input id={`${id}-label`} type="text" value={label} maxLength={100} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`} className="field__label">
          Date
        </label>
        <input id={`${id}-date`} type="date" value={takenOn} onChange={(event) => setTakenOn(event.target.value)} />
      </div>
      <FormError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary">
          Take the diagnostic
        </button>
      </div>
    </form>
  );
}

function SittingList({ sittings }: { readonly sittings: readonly Diagnostic[] }) {
  return (
    <ol className="sitting-list" aria-label="Your sittings">
      {sittings.map((sitting) => (
        <li key={sitting.id}>
          <Link href={`/${sitting.id}`}>
            <strong>{sittingName(sitting)}</strong>
            <span className="sitting-list__meta">
              {formatUkDate(sitting.takenOn)} · {ratedCount(sitting)}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}

/** The diagnostic's home: what it is, the sittings so far (oldest first), and taking it again. */
export function DiagnosticHome() {
  const sittings = useLive((r) => r.diagnostics.list());
  return (
    <>
      <PageHeader
        title="Leadership diagnostic"
        actions={
          sittings && sittings.length >= 2 ? (
            <Link href="/compare" className="button">
              Compare sittings
            </Link>
          ) : null
        }
      />
      <p>
        Rate yourself on the qualities your programme agreed for leaders — from 1 (not yet) to 5 (a real strength) — with a
        note on each. Take it at the start of the year and again later, then compare the two.
      </p>
      {sittings === undefined ? null : sittings.length === 0 ? (
        <EmptyState title="Not taken yet">
          <p>Your first sitting is your starting point: be honest, only you see it unless you share it.</p>
        </EmptyState>
      ) : (
        <section aria-label="Sittings">
          <h2>Your sittings</h2>
          <SittingList sittings={sittings} />
        </section>
      )}
      {sittings === undefined ? null : <StartSitting key={sittings.length} existing={sittings.length} />}
    </>
  );
}
