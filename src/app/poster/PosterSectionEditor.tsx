import { useEffect, useId, useRef, useState } from 'react';
import { isListSection, type PosterSectionView } from '../../domain/review/buildPoster';
import { useRepositories } from '../db/RepositoryContext';
import { describedBy } from '../ui/Field';
import { SavedIndicator } from '../ui/SavedIndicator';
import { useAutosave } from '../ui/useAutosave';
import { FormError } from '../ui/FormError';

interface PosterSectionEditorProps {
  readonly view: PosterSectionView;
  /** Closes the editor (after its last words are saved). */
  readonly onClose: () => void;
}

/**
 * A section's words in a textarea. What is typed is saved on the device as it is typed, on the
 * poster only: the records it was built from stay as they are. Typing back exactly what the
 * records say is the same as "Back to what my records say".
 */
export function PosterSectionEditor({ view, onClose }: PosterSectionEditorProps) {
  const repositories = useRepositories();
  const [text, setText] = useState(view.text);
  const [problem, setProblem] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const { section, fromRecords } = view;
  const autosave = useAutosave(
    text,
    async (latest) => {
      if (latest === fromRecords) await repositories.posters.clearOverride(section);
      else await repositories.posters.setOverride(section, latest);
    },
    { delayMs: 300 },
  );
  const hint = isListSection(section) ? 'One point a line. Your records stay as they are.' : 'Your records stay as they are.';

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  async function done() {
    await autosave.flush();
    onClose();
  }

  async function backToRecords() {
    setProblem(null);
    try {
      await autosave.flush();
      await repositories.posters.clearOverride(section);
      onClose();
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : 'Could not save on this device.');
    }
  }

  const fieldId = `${id}-text`;
  return (
    <div className="poster-section__editor">
      <div className="field">
        <label htmlFor={fieldId} className="field__label">
          Your words for “{view.heading}”
        </label>
        <p id={`${fieldId}-hint`} className="field__hint">
          {hint}
        </p>
        <textarea
          ref={textarea}
          id={fieldId}
          className="poster-section__textarea"
          value={text}
          aria-describedby={describedBy(fieldId, hint)}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <SavedIndicator state={autosave.state} error={autosave.error} />
      <FormError message={problem} />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void done()}>
          Done
        </button>
        <button type="button" className="button" onClick={() => void backToRecords()}>
          Back to what my records say
        </button>
      </div>
    </div>
  );
}
