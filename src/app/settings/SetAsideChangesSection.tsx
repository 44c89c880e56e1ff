import { useState } from 'react';
import { formatUkDateTime } from '../../domain/dates';
import type { SetAsideChangeRow } from '../db/rows';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { useToastStore } from '../ui/toastStore';
import { setAsideKindWords, typedTextOf } from './setAsideText';

function SetAsideChange({ change }: { readonly change: SetAsideChangeRow & { id: number } }) {
  const repositories = useRepositories();
  const showToast = useToastStore((state) => state.show);
  const [copied, setCopied] = useState(false);
  const texts = typedTextOf(change.fields);
  const headingId = `set-aside-${change.id}`;
  const canCopy = texts.length > 0 && typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function';

  async function copy() {
    await navigator.clipboard.writeText(texts.map(({ label, text }) => `${label}:\n${text}`).join('\n\n'));
    setCopied(true);
  }

  async function dismiss() {
    const dismissed = await repositories.device.dismissSetAsideChange(change.id);
    if (!dismissed) return;
    showToast({ message: 'Dismissed', actionLabel: 'Undo', onAction: () => repositories.device.restoreSetAsideChange(dismissed) });
  }

  return (
    <li>
      <article className="card" aria-labelledby={headingId}>
        <h3 id={headingId}>{setAsideKindWords(change.table)}</h3>
        <p>
          Not saved on {formatUkDateTime(change.setAsideAt)}. The server said: “{change.reason}”
        </p>
        {texts.length > 0 ? (
          texts.map(({ label, text }, index) => (
            <div key={`${label}-${index}`}>
              <p className="field__label">{label}</p>
              <p className="prose">{text}</p>
            </div>
          ))
        ) : (
          <p className="muted">There was no writing in this change — only details such as a date or who could see it.</p>
        )}
        <div className="button-row">
          {canCopy ? (
            <button type="button" className="button" onClick={() => void copy()}>
              Copy the text
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => void dismiss()}>
            Dismiss
          </button>
          {copied ? (
            <span className="muted" role="status">
              Copied
            </span>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/**
 * Changes the server refused under the sharing rules (say, notes for a set left while
 * offline): never dropped silently. Shown only when there are some, with the reason and the
 * writing, so it can be copied elsewhere; "Dismiss" forgets one.
 */
export function SetAsideChangesSection() {
  const changes = useLive((r) => r.device.setAsideChanges());
  const shown = (changes ?? []).filter((change): change is SetAsideChangeRow & { id: number } => change.id !== undefined);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="set-aside-heading" className="card">
      <h2 id="set-aside-heading">Changes that could not be saved</h2>
      <p>
        The server did not accept {shown.length === 1 ? 'this change' : 'these changes'}: you may no longer be allowed to change
        what {shown.length === 1 ? 'it was' : 'they were'} about. What you typed is kept here so you can copy it somewhere else.
      </p>
      <ul className="details-list">
        {shown.map((change) => (
          <SetAsideChange key={change.id} change={change} />
        ))}
      </ul>
    </section>
  );
}
