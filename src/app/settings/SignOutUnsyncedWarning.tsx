import { useState } from 'react';
import { useAccountServices } from '../account/AccountContext';
import { useAccountStore } from '../account/accountStore';
import { totalOnlyOnThisDevice, type WritingOnlyOnThisDevice } from '../account/writingOnlyOnThisDevice';
import { useOnline } from '../cohort/useOnline';
import { exportFileName } from '../db/repositories/exportRepository';
import { useRepositories } from '../db/RepositoryContext';
import { downloadBlob } from '../platform/downloadBlob';
import { useSyncStatusStore } from '../state/syncStatusStore';

function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "2 changes, 1 photo and 1 unfinished draft". */
function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** What removing now would lose, in one or two plain sentences. */
export function onlyHereSentence(writing: WritingOnlyOnThisDevice): string {
  const total = totalOnlyOnThisDevice(writing);
  if (total === writing.changes) {
    return total === 1
      ? '1 change has not reached the server yet. If you remove it from this device now it is lost.'
      : `${counted(total, 'change', 'changes')} have not reached the server yet. If you remove them from this device now they are lost.`;
  }
  const parts = [
    writing.changes > 0 ? counted(writing.changes, 'change', 'changes') : null,
    writing.photos > 0 ? counted(writing.photos, 'photo', 'photos') : null,
    writing.drafts > 0 ? counted(writing.drafts, 'unfinished draft', 'unfinished drafts') : null,
    writing.setAside > 0 ? counted(writing.setAside, 'change the server did not accept', 'changes the server did not accept') : null,
  ].filter((part): part is string => part !== null);
  const them = total === 1 ? 'it' : 'them';
  const lost = total === 1 ? 'it is lost' : 'they are lost';
  return `Only on this device so far: ${listed(parts)}. If you remove ${them} from this device now ${lost}.`;
}

/** "Sync now", with what sync is doing in words; or why it cannot run now. */
function SendPart({ canSync, waitingToSend }: { readonly canSync: boolean; readonly waitingToSend: boolean }) {
  const { services } = useAccountServices();
  const online = useOnline();
  const status = useSyncStatusStore((state) => state.status);
  if (!waitingToSend) return null;
  if (!canSync) return <p>Sign in again first to send them to the server.</p>;
  if (!online) return <p>This tablet is offline, so they cannot be sent now. They can be sent when the connection is back.</p>;
  return (
    <>
      <div className="button-row">
        <button type="button" className="button" onClick={() => services.engine?.requestSync()}>
          Sync now
        </button>
        {status.kind === 'syncing' ? (
          <span className="muted" role="status">
            Sending…
          </span>
        ) : null}
      </div>
      {status.kind === 'retrying' ? <p role="status">Not sent yet: {status.message}</p> : null}
    </>
  );
}

/** "Download everything I wrote": the full backup file (as Settings → Your writing), made from this device. */
function DownloadPart({ drafts }: { readonly drafts: number }) {
  const repositories = useRepositories();
  const displayName = useAccountStore((state) => state.account?.displayName);
  const [state, setState] = useState<'idle' | 'building' | 'done' | 'failed'>('idle');

  async function download() {
    setState('building');
    try {
      const now = new Date();
      downloadBlob(await repositories.writingExport.buildExport(now), exportFileName(now, displayName));
      setState('done');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <div className="button-row">
        <button type="button" className="button" disabled={state === 'building'} onClick={() => void download()}>
          Download everything I wrote
        </button>
        {state === 'building' ? (
          <span className="muted" role="status">
            Making the file…
          </span>
        ) : null}
      </div>
      {state === 'done' ? (
        <p role="status">Downloaded. The file is in this tablet’s downloads: move it somewhere of your own, as other people use this tablet.</p>
      ) : null}
      {state === 'failed' ? <p role="alert">The file could not be made. Nothing has changed on this device — try again.</p> : null}
      {drafts > 0 ? <p className="field__hint">Unfinished drafts are not in the file: finish and save them first to keep them.</p> : null}
    </>
  );
}

interface SignOutUnsyncedWarningProps {
  readonly writing: WritingOnlyOnThisDevice;
  /** False when sync cannot run now (the sign-in has expired). */
  readonly canSync: boolean;
  /** The id of the sentence, so the dialog can be described by it. */
  readonly sentenceId: string;
}

/**
 * Said before anything is removed: how much is only on this device, and the two ways to keep
 * it — send it now, or download it all as a file.
 */
export function SignOutUnsyncedWarning({ writing, canSync, sentenceId }: SignOutUnsyncedWarningProps) {
  return (
    <div className="warning">
      <p id={sentenceId}>{onlyHereSentence(writing)}</p>
      <SendPart canSync={canSync} waitingToSend={writing.changes + writing.photos > 0} />
      <DownloadPart drafts={writing.drafts} />
    </div>
  );
}
