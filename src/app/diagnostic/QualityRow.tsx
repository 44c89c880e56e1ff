import { useId, useState } from 'react';
import type { QualityId, QualityRating } from '../../domain/review/diagnostic';
import { useRepositories } from '../db/RepositoryContext';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosave } from '../ui/useAutosave';
import { RATING_SCALE, RATING_WORDS } from './diagnosticText';

interface QualityRowProps {
  readonly sittingId: string;
  readonly quality: { readonly id: QualityId; readonly label: string };
  readonly rating: QualityRating;
}

/** One quality: the 1–5 scale in words (saved on the tap) and a note (saved as it is typed). */
export function QualityRow({ sittingId, quality, rating }: QualityRowProps) {
  const repositories = useRepositories();
  const id = useId();
  // The tapped score shows at once; a score arriving from elsewhere (another device) replaces it.
  const [score, setScore] = useState(rating.score);
  const [storedScore, setStoredScore] = useState(rating.score);
  if (rating.score !== storedScore) {
    setStoredScore(rating.score);
    setScore(rating.score);
  }
  const [scoreError, setScoreError] = useState<string | null>(null);
  // The note is the person's typing: it starts from the record and is not replaced while open.
  const [note, setNote] = useState(rating.note);
  const autosave = useAutosave(note, (text) => repositories.diagnostics.note(sittingId, quality.id, text).then(() => undefined));

  async function choose(next: number | null) {
    setScore(next);
    setScoreError(null);
    try {
      await repositories.diagnostics.rate(sittingId, quality.id, next);
    } catch (caught) {
      setScoreError(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  return (
    <fieldset className="quality" aria-describedby={scoreError ? `${id}-error` : undefined}>
      <legend>{quality.label}</legend>
      <div className="rating-scale">
        {RATING_SCALE.map((value) => (
          <label key={value}>
            <input type="radio" name={`${id}-score`} value={value} checked={score === value} onChange={() => void choose(value)} />
            {value} {RATING_WORDS[value]}
          </label>
        ))}
        {score !== null ? (
          <button type="button" className="button button--quiet" onClick={() => void choose(null)}>
            Clear rating
          </button>
        ) : null}
      </div>
      {scoreError ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          Not saved: {scoreError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-note`} className="field__label">
          Note on {quality.label.charAt(0).toLowerCase() + quality.label.slice(1)}
        </label>
        <textarea id={`${id}-note`} value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </div>
      <SavedIndicator state={autosave.state} error={autosave.error} />
    </fieldset>
  );
}
