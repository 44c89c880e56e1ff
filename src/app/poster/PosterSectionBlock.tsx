import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PosterSectionView } from '../../domain/review/buildPoster';
import { useRepositories } from '../db/RepositoryContext';
import { PosterSectionEditor } from './PosterSectionEditor';

interface PosterSectionBlockProps {
  readonly view: PosterSectionView;
  /** How the records' version is shown (lists, charts); the person's own words are plain text. */
  readonly fromRecords: ReactNode;
  /** Shown under the section's words whether or not they were written over (the charts). */
  readonly always?: ReactNode;
  /** True when there is nothing to show: the section is left off the printed poster. */
  readonly empty: boolean;
  readonly emptyText: string;
}

function OwnWords({ view }: { view: PosterSectionView }) {
  if (view.lines.length === 0) return null;
  if (view.section === 'focus' || view.section === 'issue' || view.section === 'desiredOutcomes') {
    return (
      <>
        {view.lines.map((line, index) => (
          <p key={index} className="prose">
            {line}
          </p>
        ))}
      </>
    );
  }
  return (
    <ul className="poster-list">
      {view.lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

/** One box of the poster: its heading, its words, and "Edit" to write over them on the poster. */
export function PosterSectionBlock({ view, fromRecords, always, empty, emptyText }: PosterSectionBlockProps) {
  const repositories = useRepositories();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const headingId = `poster-${view.section}`;

  useEffect(() => {
    if (!editing && returnFocus.current) editButton.current?.focus();
    returnFocus.current = false;
  }, [editing]);

  function close() {
    returnFocus.current = true;
    setEditing(false);
  }

  const blank = view.overridden ? view.lines.length === 0 && !always : empty;
  return (
    <section className={blank ? 'poster-section poster-section--empty' : 'poster-section'} aria-labelledby={headingId}>
      <h3 id={headingId}>{view.heading}</h3>
      {editing ? (
        <PosterSectionEditor view={view} onClose={close} />
      ) : (
        <>
          {view.overridden ? <OwnWords view={view} /> : empty ? <p className="muted">{emptyText}</p> : fromRecords}
          {view.overridden ? <p className="poster-section__note">Your own words on the poster — your records are unchanged.</p> : null}
          <div className="button-row poster-section__tools">
            <button ref={editButton} type="button" className="button" onClick={() => setEditing(true)}>
              Edit{' '}
              <span className="visually-hidden">{view.heading}</span>
            </button>
            {view.overridden ? (
              <button type="button" className="button button--quiet" onClick={() => void repositories.posters.clearOverride(view.section)}>
                Back to what my records say{' '}
                <span className="visually-hidden">for {view.heading}</span>
              </button>
            ) : null}
          </div>
        </>
      )}
      {always}
    </section>
  );
}
