import { useId, useState } from 'react';
import { Link } from 'wouter';
import { formatUkDate } from '../../domain/dates';
import { LEADERSHIP_QUALITIES, type Diagnostic } from '../../domain/review/diagnostic';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { describeChange, ratingOf, scoreWords, sittingName } from './diagnosticText';

const nameAndDate = (sitting: Diagnostic) => `${sittingName(sitting)} (${formatUkDate(sitting.takenOn)})`;

function SittingPicker(props: {
  readonly label: string;
  readonly sittings: readonly Diagnostic[];
  readonly value: string;
  readonly onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.sittings.map((sitting) => (
          <option key={sitting.id} value={sitting.id}>
            {nameAndDate(sitting)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Each quality with both scores, the change and both notes; then the same as a table. */
function Comparison({ earlier, later }: { readonly earlier: Diagnostic; readonly later: Diagnostic }) {
  return (
    <>
      {LEADERSHIP_QUALITIES.map((quality) => {
        const before = ratingOf(earlier, quality.id);
        const after = ratingOf(later, quality.id);
        return (
          <section key={quality.id} className="card compare-quality" aria-label={quality.label}>
            <h3>{quality.label}</h3>
            <p className="compare-quality__change">{describeChange(before.score, after.score)}</p>
            <div className="compare-quality__sides">
              {[
                { sitting: earlier, rating: before, modifier: '' },
                { sitting: later, rating: after, modifier: ' compare-quality__side--later' },
              ].map(({ sitting, rating, modifier }, side) => (
                <div key={side} className={`compare-quality__side${modifier}`}>
                  <p>
                    <strong>{sittingName(sitting)}:</strong> {scoreWords(rating.score)}
                  </p>
                  <p className={rating.note.trim() ? 'prose' : 'muted'}>{rating.note.trim() || 'No note.'}</p>
                </div>
              ))}
            </div>
          </section>
        );
      })}
      <div className="table-scroll">
        <table className="summary-table">
          <caption>
            Summary: {nameAndDate(earlier)} and {nameAndDate(later)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Quality</th>
              <th scope="col">{sittingName(earlier)}</th>
              <th scope="col">{sittingName(later)}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {LEADERSHIP_QUALITIES.map((quality) => {
              const before = ratingOf(earlier, quality.id).score;
              const after = ratingOf(later, quality.id).score;
              return (
                <tr key={quality.id}>
                  <th scope="row">{quality.label}</th>
                  <td>{scoreWords(before)}</td>
                  <td>{scoreWords(after)}</td>
                  <td>{describeChange(before, after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Two sittings side by side: the first and the latest unless the person chooses others. */
export function CompareSittings() {
  const sittings = useLive((r) => r.diagnostics.list());
  const [chosen, setChosen] = useState<{ earlier?: string; later?: string }>({});
  const header = (
    <PageHeader
      title="Compare sittings"
      actions={
        <Link href="/" className="button">
          All sittings
        </Link>
      }
    />
  );
  if (sittings === undefined) return header;
  if (sittings.length < 2) {
    return (
      <>
        {header}
        <EmptyState title="Nothing to compare yet">
          <p>Take the diagnostic again later in the year; then your two sittings appear side by side here.</p>
        </EmptyState>
      </>
    );
  }
  const find = (id: string | undefined) => sittings.find((sitting) => sitting.id === id);
  const earlier = find(chosen.earlier) ?? (sittings[0] as Diagnostic);
  const later = find(chosen.later) ?? (sittings.at(-1) as Diagnostic);
  return (
    <>
      {header}
      <div className="compare-pickers">
        <SittingPicker label="Compare" sittings={sittings} value={earlier.id} onChange={(id) => setChosen({ ...chosen, earlier: id })} />
        <SittingPicker label="With" sittings={sittings} value={later.id} onChange={(id) => setChosen({ ...chosen, later: id })} />
      </div>
      <Comparison earlier={earlier} later={later} />
    </>
  );
}
