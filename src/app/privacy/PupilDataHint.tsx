import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { applySuggestion, findPupilData, type PupilDataFinding, type PupilDataKind } from '../../domain/privacy/findPupilData';
import './privacy.css';

/** How long typing must pause before the check runs, so it never runs on a keystroke. */
export const PUPIL_DATA_CHECK_DELAY_MS = 400;

const ACTION_WORDS: Record<PupilDataKind, string> = {
  'pupil-name': 'Use initials',
  'date-of-birth': 'Remove the date',
  upn: 'Remove the number',
  uln: 'Remove the number',
};

/** Constant while there is anything to show, so a screen reader hears it once, not per keystroke. */
const SUMMARY = 'Worth a second look: this may identify a pupil. Initials are enough for your log, and it is saved either way.';

/** The same finding across keystrokes: its place moves as the person types, its words do not. */
const findingKey = (finding: PupilDataFinding) => `${finding.kind}:${finding.text}`;

/** `finding` as it stands in `current`: where it was, or else the nearest place with the same words. */
function locate(current: string, finding: PupilDataFinding): PupilDataFinding | undefined {
  if (current.slice(finding.start, finding.end) === finding.text) return finding;
  const distance = (other: PupilDataFinding) => Math.abs(other.start - finding.start);
  return findPupilData(current)
    .filter((other) => findingKey(other) === findingKey(finding))
    .sort((a, b) => distance(a) - distance(b))[0];
}

interface PupilDataHintProps {
  /** The field's text as it is now. */
  readonly text: string;
  /** Receives the whole text after a suggestion is used: an ordinary edit of the field, saved as any other. */
  readonly onChange: (next: string) => void;
  /** The field's label, so the list says which field it is about: "What happened?". */
  readonly label: string;
}

/**
 * Under a text field: if what was written seems to name a pupil (or give a date of birth, a
 * UPN), says so in plain words and offers initials, one span at a time, or to keep it. Never
 * blocks saving. The check runs once typing pauses, at low priority, so typing stays instant.
 * See docs/decisions/017-pupil-data-guard.md.
 */
export function PupilDataHint({ text, onChange, label }: PupilDataHintProps) {
  const [settledText, setSettledText] = useState(text);
  useEffect(() => {
    if (text === settledText) return;
    const timer = window.setTimeout(() => setSettledText(text), PUPIL_DATA_CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, settledText]);
  const checkedText = useDeferredValue(settledText);
  const findings = useMemo(() => findPupilData(checkedText), [checkedText]);
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  // What the last button did, while the text is still the one it made.
  const [notice, setNotice] = useState<{ message: string; forText: string } | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const shown = findings.filter((finding) => !kept.has(findingKey(finding)));
  const status = [notice?.forText === text ? notice.message : null, shown.length > 0 ? SUMMARY : null].filter(Boolean).join(' ');

  function replaceWithSuggestion(finding: PupilDataFinding) {
    const current = locate(text, finding);
    if (!current) return;
    const next = applySuggestion(text, current);
    onChange(next);
    // Checked at once rather than after the pause: the flagged words should go as they are replaced.
    setSettledText(next);
    setNotice({ message: `Changed to “${current.suggestion}”.`, forText: next });
    statusRef.current?.focus();
  }

  function keepAsWritten(finding: PupilDataFinding) {
    setKept((previous) => new Set(previous).add(findingKey(finding)));
    setNotice({ message: `Kept “${finding.text}” as written.`, forText: text });
    statusRef.current?.focus();
  }

  return (
    <div className="pupil-data-hint">
      <p
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={shown.length > 0 ? 'pupil-data-hint__status pupil-data-hint__status--findings' : 'pupil-data-hint__status muted'}
      >
        {status}
      </p>
      {shown.length > 0 ? (
        <ul className="pupil-data-hint__list" aria-label={`Possible pupil details in “${label}”`}>
          {shown.map((finding) => (
            <li key={`${finding.kind}:${finding.start}`} className="pupil-data-hint__item">
              <p className="pupil-data-hint__reason">
                {finding.reason}:{' '}
                <span className="pupil-data-hint__change">
                  “{finding.text}” → “{finding.suggestion}”
                </span>
              </p>
              <div className="button-row pupil-data-hint__actions">
                {/* Named with the words they act on (there may be several of each), starting with what they show. */}
                <button
                  type="button"
                  className="button"
                  aria-label={`${ACTION_WORDS[finding.kind]} for “${finding.text}”`}
                  onClick={() => replaceWithSuggestion(finding)}
                >
                  {ACTION_WORDS[finding.kind]}
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Keep as written: “${finding.text}”`}
                  onClick={() => keepAsWritten(finding)}
                >
                  Keep as written
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
