import { useState } from 'react';
import { Link } from 'wouter';
import { POSTER_SIZES, type PosterSize } from '../../domain/review/poster';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { VisibilityControl } from '../ui/VisibilityControl';
import { PosterSheet } from './PosterSheet';
import './poster.css';

const SIZE_HINTS: Readonly<Record<PosterSize, string>> = {
  A4: 'A4 — two columns, for handing round',
  A3: 'A3 — three columns, for the wall',
};

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p className="field__error" role="alert">
      {text}
    </p>
  ) : null;
}

/**
 * A4 or A3. The choice shows at once, while the saved size is still the one it was chosen over
 * (a write takes a moment to come back through the live query).
 */
function SizeChoice({ saved, onChoose }: { saved: PosterSize; onChoose: (size: PosterSize) => Promise<boolean> }) {
  const [choice, setChoice] = useState<{ size: PosterSize; over: PosterSize } | null>(null);
  const shown = choice && choice.over === saved ? choice.size : saved;

  async function choose(size: PosterSize) {
    setChoice({ size, over: saved });
    if (!(await onChoose(size))) setChoice(null);
  }

  return (
    <fieldset className="poster-page__size" aria-describedby="poster-size-hint">
      <legend>Paper size</legend>
      <div className="button-row">
        {POSTER_SIZES.map((size) => (
          <label key={size} className="chip-choice">
            <input type="radio" name="poster-size" value={size} checked={shown === size} onChange={() => void choose(size)} />
            {size}
          </label>
        ))}
      </div>
      <p className="field__hint" id="poster-size-hint">
        {SIZE_HINTS[shown]}. Print fits the poster on one page.
      </p>
    </fieldset>
  );
}

/**
 * The impact poster: built in one tap from the challenge, its trials, measures and reviews;
 * each section can be written over on the poster without changing the records; prints to A4
 * or A3 on one page.
 */
export function PosterPage() {
  const repositories = useRepositories();
  const data = useLive((r) => r.posters.page());
  const [problem, setProblem] = useState<string | null>(null);
  if (data === undefined) return null;

  /** Runs a write; says what went wrong if it did not happen. */
  async function attempt(action: () => Promise<unknown>): Promise<boolean> {
    setProblem(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
      return false;
    }
  }

  if (data.state === 'no-challenge') {
    return (
      <div className="poster-page">
        <PageHeader title="Impact poster" />
        <EmptyState title="No challenge yet">
          <p>Your impact poster is built from your challenge, its trials and its measures. Start by writing your challenge.</p>
          <div className="button-row">
            <Link href="~/challenge/new" className="button button--primary">
              Write my challenge
            </Link>
          </div>
        </EmptyState>
      </div>
    );
  }

  if (data.state === 'not-made') {
    return (
      <div className="poster-page">
        <PageHeader title="Impact poster" />
        <EmptyState title="Your impact poster">
          <p>
            One tap builds it from your records: focus, issue, desired outcomes, the actions you took, their impact with your
            measures’ charts, key learning points and themes. You can change the words on the poster; your records stay as they are.
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => void attempt(() => repositories.posters.build())}>
              Make my poster
            </button>
          </div>
          <Problem text={problem} />
        </EmptyState>
      </div>
    );
  }

  const { poster, view } = data;
  return (
    <div className={`poster-page poster-page--${poster.size.toLowerCase()}`}>
      <PageHeader
        title="Impact poster"
        actions={
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      <div className="poster-page__tools">
        <SizeChoice saved={poster.size} onChoose={(size) => attempt(() => repositories.posters.setSize(size))} />
        <VisibilityControl visibility={poster.visibility} ownerId={poster.owner} onChange={(visibility) => repositories.posters.setVisibility(visibility)} />
        <Problem text={problem} />
      </div>
      <PosterSheet view={view} size={poster.size} />
    </div>
  );
}
