import { useEffect, useId, useRef, useState } from 'react';
import { VISIBILITIES, type Visibility } from '../../domain/syncedRecord';
import { describeAudience } from '../db/repositories/directoryRepository';
import { useLive } from '../db/useLiveRecords';
import { VisibilityNote } from './VisibilityNote';

interface VisibilityControlProps {
  readonly visibility: Visibility;
  /** The item's owner: an item someone else shared with this person shows the words only. */
  readonly ownerId: string;
  /** Saves the new visibility (a repository's setVisibility). */
  readonly onChange: (visibility: Visibility) => Promise<unknown>;
}

function confirmLabel(current: Visibility, chosen: Visibility): string {
  if (chosen !== 'private') return 'Share';
  return current === 'private' ? 'Keep private' : 'Make private';
}

/**
 * Who can see an item, in words with the real people ("Your set (6 people) can see this"),
 * and the one deliberate way to change it: "Change who can see this" opens the four choices,
 * and nothing changes until "Share" (or "Keep private") confirms. A stray tap on a choice, or
 * on the button, shares nothing.
 */
export function VisibilityControl({ visibility, ownerId, onChange }: VisibilityControlProps) {
  const facts = useLive(async (r) => ({ me: await r.directory.me(), audience: await r.directory.myAudience() }));
  const [choosing, setChoosing] = useState(false);
  const [choice, setChoice] = useState<Visibility>(visibility);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstFocus = useRef<HTMLInputElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (choosing) firstFocus.current?.focus();
    else if (returnFocus.current) openButton.current?.focus();
    returnFocus.current = false;
  }, [choosing]);

  // Until the people are read (a moment), the plain words; they never depend on the network.
  if (!facts) return <VisibilityNote visibility={visibility} />;
  const words = (v: Visibility) => describeAudience(v, facts.audience);
  if (facts.me !== ownerId) {
    return <VisibilityNote visibility={visibility} words={visibility === 'private' ? 'Only its author can see this' : 'Shared with you'} />;
  }

  function open() {
    setChoice(visibility);
    setError(null);
    setChoosing(true);
  }

  function close() {
    returnFocus.current = true;
    setChoosing(false);
  }

  async function confirm() {
    if (choice === visibility) {
      close();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onChange(choice);
      close();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Could not save on this device.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="visibility-control">
      <div aria-live="polite">
        <VisibilityNote visibility={visibility} words={`${words(visibility)} can see this`} />
      </div>
      {choosing ? (
        <fieldset aria-describedby={error ? `${id}-error` : undefined}>
          <legend>Who can see this?</legend>
          {VISIBILITIES.map((option) => (
            <label key={option} className="choice">
              <input
                ref={option === choice ? firstFocus : undefined}
                type="radio"
                name={`${id}-visibility`}
                value={option}
                checked={choice === option}
                onChange={() => setChoice(option)}
              />
              {words(option)}
            </label>
          ))}
          {error ? (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void confirm()}>
              {confirmLabel(visibility, choice)}
            </button>
            <button type="button" className="button" disabled={saving} onClick={close}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="button-row">
          <button ref={openButton} type="button" className="button" onClick={open}>
            Change who can see this
          </button>
        </div>
      )}
    </div>
  );
}
