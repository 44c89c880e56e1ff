import { useState } from 'react';
import { exportFileName, type ExportSummary } from '../db/repositories/exportRepository';
import { useRepositories } from '../db/RepositoryContext';
import { useLive } from '../db/useLiveRecords';
import { downloadBlob } from '../platform/downloadBlob';

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
 * "Download everything I wrote": the person's own writing on this device as one JSON file they
 * keep (say, on leaving the programme). Reads only the device, so it works offline.
 */
export function ExportSection() {
  const repositories = useRepositories();
  const summary = useLive((r) => r.writingExport.summary());
  const [state, setState] = useState<'idle' | 'building' | 'failed'>('idle');

  async function download() {
    setState('building');
    try {
      const now = new Date();
      const blob = await repositories.writingExport.buildExport(now);
      downloadBlob(blob, exportFileName(now, summary?.displayName));
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <section aria-labelledby="export-heading" className="card">
      <h2 id="export-heading">Your writing</h2>
      <p>
        Everything you have written on this device — your journal, challenge, trials, measures, your rounds and actions from
        set meetings, and coaching notes — as one file you keep.
      </p>
      {summary ? <p>{exportCountLine(summary)}</p> : null}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={state === 'building'} onClick={() => void download()}>
          Download everything I wrote
        </button>
        {state === 'building' ? (
          <span className="muted" role="status">
            Making the file…
          </span>
        ) : null}
      </div>
      {state === 'failed' ? (
        <p role="alert">The file could not be made. Nothing has changed on this device — try again.</p>
      ) : null}
    </section>
  );
}
