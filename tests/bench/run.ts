// `npm run bench`: measurements, not pass/fail tests, run on this machine one after another.
// Each section is its own module returning table rows, every timed figure from at least 5 runs
// (median and spread). Prints one table; a full run (every section at full size) also writes it
// to docs/benchmarks.md with the date, commit, machine and how each figure is measured.
// The app is built into a temporary directory (SETWISE_SKIP_BUILD=1: a copy of dist/ as it is).
// Development: BENCH_RUNS=1 BENCH_RECORDS=500 BENCH_ONLY=startup,search (section names below).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_WEIGHT_NOTE, appWeightRows } from './appWeight';
import { BENCH, FAILED, FULL_RUN, only, withBenchApp, withBuiltApp } from './benchApp';
import { KEYSTROKE_NOTE, keystrokeRows } from './keystrokeToCommit';
import { LIGHTHOUSE_NOTE, lighthouseRows } from './lighthouse';
import { RESTORE_NOTE, restoreRows } from './restoreBackup';
import { SEARCH_NOTE, searchRows } from './searchInBrowser';
import { SHARING_NOTE, sharingRows } from './setPull';
import { STARTUP_NOTE, startupRows } from './startup';
import type { Rows } from './stats';
import { SYNC_NOTE, syncRows } from './syncThroughput';
import { TIMELINE_NOTE, timelineRows } from './timelineRender';
import { ENCRYPTION_NOTE, encryptionCostRows } from './encryptionCost';
import { measurePeers } from './peers/measurePeers';
import { measureServerLoad } from './load/measureServerLoad';

const PEERS_NOTE =
  'Peers: the same 10,000 small documents (a ~30-character first line and a ~200-character body) written into one Chromium profile\'s IndexedDB, pushed to a local server and pulled into a fresh profile, by Setwise (its real sync client against its real server on SQLite), PouchDB 9 (pouchdb-browser replicating with express-pouchdb on LevelDB) and RxDB 17 (Dexie storage, replicateRxCollection against a small endpoint on SQLite); runs interleaved. A ratio above 1 means Setwise was faster. Client bundles: esbuild and Vite, minified, gzip -9 (docs/decisions/012).';
const LOAD_NOTE =
  'Server load: 200 simulated devices (50 people × 4 devices), each signed in with its own cookie, pushing 1–5 entries and pulling from its cursor, then thinking 0.5–1.5 s, for 30 s, from one Node process over loopback; SQLite with one server process, PostgreSQL with two processes on one database. Peak memory is VmHWM of the server processes during the load (docs/decisions/013).';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** How each figure is measured, written under the table (one paragraph per section). */
const NOTES = [APP_WEIGHT_NOTE, STARTUP_NOTE, LIGHTHOUSE_NOTE, KEYSTROKE_NOTE, RESTORE_NOTE, TIMELINE_NOTE, SEARCH_NOTE, ENCRYPTION_NOTE, SYNC_NOTE, SHARING_NOTE, PEERS_NOTE, LOAD_NOTE];

async function main() {
  const startedAt = performance.now();
  let chromium = 'Chromium';
  const rows: Rows = [
    ...(await withBuiltApp(root, async (built) => [
      ...(await only('weight', async () => appWeightRows(built))),
      ...(await withBenchApp(built, async (app) => {
        chromium = `Debian Chromium ${app.browser.version()}`;
        return [
          ...(await only('startup', () => startupRows(app))),
          ...(await only('lighthouse', () => lighthouseRows(app))),
          ...(await only('keystroke', () => keystrokeRows(app))),
          ...(await only('restore', () => restoreRows(app))),
          ...(await only('timeline', () => timelineRows(app))),
          ...(await only('search', () => searchRows(app))),
          ...(await only('passcode', () => encryptionCostRows(app))),
        ];
      })),
    ])),
    ...(await only('sync', syncRows)),
    ...(await only('sharing', sharingRows)),
    ...(await only('peers', () => measurePeers({ docs: BENCH.records, runs: BENCH.runs, log: (line) => console.log(line) }))),
    ...(await only('load', () => measureServerLoad())),

  ];
  const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);

  const table = ['| measure | result |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
  console.log(`\n${table}\n\nbench: ${minutes} min (${BENCH.runs} runs, ${BENCH.records.toLocaleString('en-GB')} records)`);
  if (!FULL_RUN || FAILED.length > 0) {
    const why = FULL_RUN ? `failed: ${FAILED.join(', ')}` : 'not a full run (BENCH_RUNS, BENCH_RECORDS or BENCH_ONLY set)';
    console.log(`bench: ${why}; docs/benchmarks.md left as it was.`);
    process.exitCode = FAILED.length > 0 ? 1 : 0;
    return;
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root }).toString().trim();
  const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`;
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  writeFileSync(
    join(root, 'docs/benchmarks.md'),
    `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${machine}, Node ${process.version}, ${chromium} (headless); the whole run took ${minutes} min. Timed figures are the median of repeated runs with their spread (min, max).\n\n${table}\n\n${NOTES.join('\n\n')}\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
