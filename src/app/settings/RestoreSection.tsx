import { useId, useRef, useState } from 'react';
import { formatUkDateTime } from '../../domain/dates';
import type { OwnWritingTable } from '../../domain/sync/ownWritingTables';
import { BackupReadError, type BackupSummary, type LoadedBackup, type RestoreResult } from '../db/repositories/restoreRepository';
import { useRepositories } from '../db/RepositoryContext';

const WORDS: Record<OwnWritingTable, readonly [string, string]> = {
  logEntries: ['entry', 'entries'],
  challenges: ['challenge', 'challenges'],
  challengeRevisions: ['saved version of the challenge', 'saved versions of the challenge'],
  trials: ['trial', 'trials'],
  measures: ['measure', 'measures'],
  readings: ['reading', 'readings'],
  photos: ['photo', 'photos'],
  comments: ['comment', 'comments'],
  diagnostics: ['diagnostic', 'diagnostics'],
  posters: ['poster', 'posters'],
};

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "2,476 entries, 1 challenge, 3 saved versions of the challenge, 62 photos" (what there is, only). */
export function backupCountLine(summary: BackupSummary): string {
  const parts = (Object.keys(WORDS) as OwnWritingTable[]).filter((table) => summary.counts[table] > 0).map((table) => count(summary.counts[table], ...WORDS[table]));
  return parts.length > 0 ? parts.join(', ') : 'No writing';
}

/** "Restored 2,314 items: 2,300 new on this device, 14 brought up to date, none already here." */
export function restoreResultLine(result: RestoreResult): string {
  const total = result.added + result.updated + result.unchanged;
  const already = result.unchanged === 0 ? 'none already here' : `${result.unchanged.toLocaleString('en-GB')} already here`;
  return `Restored ${count(total, 'item', 'items')}: ${result.added.toLocaleString('en-GB')} new on this device, ${result.updated.toLocaleString('en-GB')} brought up to date, ${already}.`;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading' }
  | { readonly kind: 'ready' | 'restoring'; readonly backup: LoadedBackup }
  | { readonly kind: 'done'; readonly result: RestoreResult }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * "Restore from a backup": choose a file made by "Download everything I wrote", see what it
 * holds, and restore it in one deliberate step — into this device, or a new account, whose own
 * writing it becomes. Nothing here is overwritten: a newer edit on this device is kept.
 */
export function RestoreSection() {
  const repositories = useRepositories();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function read(file: File | undefined) {
    if (!file) return;
    setState({ kind: 'reading' });
    try {
      setState({ kind: 'ready', backup: await repositories.restore.readBackup(file) });
    } catch (caught) {
      setState({ kind: 'failed', message: caught instanceof BackupReadError ? caught.message : 'This file could not be read. Choose it again.' });
    }
  }

  async function restore(backup: LoadedBackup) {
    setState({ kind: 'restoring', backup });
    try {
      const result = await repositories.restore.restore(backup);
      setState({ kind: 'done', result });
    } catch {
      setState({
        kind: 'failed',
        message: 'Restoring stopped part way. What was restored is kept; choose the file again to finish (nothing is restored twice).',
      });
    }
    if (inputRef.current) inputRef.current.value = '';
  }

  function cancel() {
    setState({ kind: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
  }

  const busy = state.kind === 'reading' || state.kind === 'restoring';
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>Restore from a backup</h2>
      <p>
        Bring back everything from a file made with “Download everything I wrote” — on a new tablet, after clearing this one, or
        into a new account. It becomes the writing of whoever is signed in here, and syncs. Nothing on this device is
        overwritten: where this device has a newer edit, the newer one is kept.
      </p>
      <div className="button-row">
        {/* A big, worded target for a finger; the native file input itself is tiny. */}
        <label htmlFor={`${id}-file`} className="button">
          Choose a backup file
        </label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(event) => void read(event.target.files?.[0])}
        />
      </div>
      {state.kind === 'reading' ? (
        <p className="muted" role="status">
          Reading the backup…
        </p>
      ) : null}
      {state.kind === 'ready' || state.kind === 'restoring' ? <BackupDetails state={state} onRestore={restore} onCancel={cancel} /> : null}
      {state.kind === 'done' ? (
        <div role="status">
          <p>{restoreResultLine(state.result)}</p>
          {state.result.photosMissing > 0 ? (
            <p>
              {count(state.result.photosMissing, 'photo’s picture was', 'photos’ pictures were')} not in the backup; they come back
              from the server if it has them.
            </p>
          ) : null}
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}

function BackupDetails({
  state,
  onRestore,
  onCancel,
}: {
  readonly state: { readonly kind: 'ready' | 'restoring'; readonly backup: LoadedBackup };
  readonly onRestore: (backup: LoadedBackup) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const { summary } = state.backup;
  const who = summary.person.displayName ?? 'your account';
  return (
    <div>
      <p>
        A backup of {who}, made {formatUkDateTime(summary.exportedAt)}: {backupCountLine(summary)}
        {summary.deleted > 0 ? `, and ${count(summary.deleted, 'deleted item', 'deleted items')} kept as history` : ''}.
      </p>
      {summary.readOnly > 0 ? (
        <p className="field__hint">
          Your rounds, actions and coaching notes in it ({summary.readOnly.toLocaleString('en-GB')}) stay in the file to read: they
          belong to your set and your coaching, and come from the server when you sign in.
        </p>
      ) : null}
      {summary.unreadable > 0 ? (
        <p className="warning">{count(summary.unreadable, 'item in the file is', 'items in the file are')} damaged or not yours, and will be left out.</p>
      ) : null}
      {summary.items === 0 ? (
        <p>There is nothing in this backup to restore.</p>
      ) : (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={state.kind === 'restoring'} onClick={() => void onRestore(state.backup)}>
            {state.kind === 'restoring' ? 'Restoring…' : `Restore ${count(summary.items, 'item', 'items')}`}
          </button>
          <button type="button" className="button" disabled={state.kind === 'restoring'} onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
