import { useState } from 'react';
import { exportFileName, type ExportSummary } from '../db/repositories/exportRepository';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { journalFileName, journalMarkdown } from '../journal/journalMarkdown';
import { downloadBlob } from '../platform/downloadBlob';
import { useUiPreferences } from '../state/uiPreferences';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "312 entries, 1 challenge, 4 trials, 3 measures, 12 photos". */
export function exportCountLine(summary: ExportSummary): string {
  return [
    count(summary.entries, 'entry', 'entries'),
    count(summary.challenges, 'challenge', 'challenges'),
    count(summary.trials, 'trial', 'trials'),
    count(summary.measures, 'measure', 'measures'),
    count(summary.photos, 'photo', 'photos'),
  ].join(', ');
}

/**
 * "Download everything I wrote": the person's full backup as one JSON file they keep (say, on
 * leaving the programme) and can restore; and the journal as Markdown, to read anywhere. Reads
 * only the device, so both work offline.
 */
export function ExportSection() {
  const repositories = useRepositories();
  const summary = useLive((r) => r.writingExport.summary());
  const order = useUiPreferences((state) => state.journalOrder);
  const [state, setState] = useState<'idle' | 'building' | 'failed'>('idle');

  async function make(build: (now: Date) => Promise<{ blob: Blob; fileName: string }>) {
    setState('building');
    try {
      const { blob, fileName } = await build(new Date());
      downloadBlob(blob, fileName);
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  const backup = (now: Date) =>
    repositories.writingExport.buildExport(now).then((blob) => ({ blob, fileName: exportFileName(now, summary?.displayName) }));

  async function journal(now: Date) {
    const [entries, challenge, trials] = await Promise.all([
      repositories.logEntries.list(),
      repositories.challenge.current(),
      repositories.trials.list(),
    ]);
    const text = journalMarkdown({ entries, challenge: challenge ?? null, trials, order, name: summary?.displayName, now });
    return { blob: new Blob([text], { type: 'text/markdown;charset=utf-8' }), fileName: journalFileName(exportFileName(now, summary?.displayName)) };
  }

  return (
    <section aria-labelledby="export-heading" className="card">
      <h2 id="export-heading">Your writing</h2>
      <p>
        Everything you have written on this device — your journal, challenge, trials, measures, your rounds and actions from
        set meetings, and coaching notes — as one file you keep. It is a full backup, with your photos and the history of your
        changes: you can restore it into Setwise on this device, another one, or a new account.
      </p>
      {summary ? <p>{exportCountLine(summary)}</p> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={state === 'building'} onClick={() => void make(backup)}>
          Download everything I wrote
        </button>
        <button type="button" className="button" disabled={state === 'building'} onClick={() => void make(journal)}>
          Download the journal as Markdown
        </button>
        {state === 'building' ? (
          <span className="muted" role="status">
            Making the file…
          </span>
        ) : null}
      </div>
      <p className="field__hint">
        The Markdown file is your journal, challenge and trials as plain text, {order} entries first, for reading in any app or
        printing.
      </p>
      {state === 'failed' ? (
        <p role="alert">The file could not be made. Nothing has changed on this device — try again.</p>
      ) : null}
    </section>
  );
}
