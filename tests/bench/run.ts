// `npm run bench`: measurements that are not pass/fail tests. Prints a table and writes
// docs/benchmarks.md with the date, commit and machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../src/server/createServer';
import { launchBrowser, newContext } from '../e2e/support/browser';
import { measureAppWeight } from './appWeight';
import { postgresTarget, sqliteTarget } from '../integration/support/storeTargets';
import { measureKeystrokeToCommit } from './keystrokeToCommit';
import { median, percentile } from './stats';
import { measureSetPull } from './setPull';
import { measureSearchLatency } from './searchLatency';
import { measureSyncThroughput } from './syncThroughput';
import { measureTimelineFirstRender, type TimelineRenderTiming } from './timelineRender';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  if (process.env.SETWISE_SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const weight = measureAppWeight(dist);

  const dataDir = mkdtempSync(join(tmpdir(), 'setwise-bench-'));
  const server = await createServer({ staticDir: dist, dataDir, logLevel: 'warn' });
  const baseURL = await server.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchBrowser();
  const runs: number[] = [];
  const RUNS = 5;
  const KEYS = 60;
  const TIMELINE_RECORDS = 10_000;
  let timeline: TimelineRenderTiming | undefined;
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const context = await newContext(browser);
      const page = await context.newPage();
      runs.push(...(await measureKeystrokeToCommit(page, baseURL, KEYS)));
      await context.close();
    }
    const timelineContext = await newContext(browser);
    timeline = await measureTimelineFirstRender(await timelineContext.newPage(), baseURL, TIMELINE_RECORDS);
    await timelineContext.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const SYNC_RECORDS = 10_000;
  const SYNC_RUNS = 3;
  const syncRows: [string, string][] = [];
  for (const makeTarget of [sqliteTarget, postgresTarget]) {
    const target = makeTarget();
    const push: number[] = [];
    const pull: number[] = [];
    try {
      for (let run = 0; run < SYNC_RUNS; run += 1) {
        const timing = await measureSyncThroughput(target, SYNC_RECORDS);
        push.push(timing.pushMs);
        pull.push(timing.pullMs);
      }
    } finally {
      await target.cleanUp();
    }
    const seconds = (values: number[]) => `median ${(median(values) / 1000).toFixed(2)} s (min ${(Math.min(...values) / 1000).toFixed(2)}, max ${(Math.max(...values) / 1000).toFixed(2)})`;
    syncRows.push([`Sync, ${target.name}: push ${SYNC_RECORDS.toLocaleString('en-GB')} records (${SYNC_RUNS} runs)`, seconds(push)]);
    syncRows.push([`Sync, ${target.name}: pull them into a second device`, seconds(pull)]);
  }
  const PER_MEMBER = 1250;
  for (const makeTarget of [sqliteTarget, postgresTarget]) {
    const target = makeTarget();
    try {
      const timing = await measureSetPull(target, PER_MEMBER);
      syncRows.push([
        `Sharing, ${target.name}: a set member's first pull of what they may see (8 members × ${PER_MEMBER.toLocaleString('en-GB')} entries, half shared)`,
        `${timing.visible.toLocaleString('en-GB')} records in ${(timing.pullMs / 1000).toFixed(2)} s`,
      ]);
      syncRows.push([`Sharing, ${target.name}: one small push, access worked out from memberships (50 pushes)`, `median ${timing.pushMedianMs.toFixed(1)} ms`]);
    } finally {
      await target.cleanUp();
    }
  }

  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const rows: [string, string][] = [
    ['First visit JS (gzip -9)', kb(weight.firstVisitJsGzipBytes)],
    ['First visit CSS (gzip -9)', kb(weight.firstVisitCssGzipBytes)],
    ['Precache', `${weight.precacheEntries} files, ${kb(weight.precacheBytes)} uncompressed`],
    [`Keystroke → committed in IndexedDB (${RUNS}×${KEYS} keys)`, `p50 ${median(runs).toFixed(0)} ms, p95 ${percentile(runs, 95).toFixed(0)} ms, min ${Math.min(...runs).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms`],
    ...syncRows,
  ];
  if (timeline) {
    const ms = (values: readonly number[]) => `min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
    rows.push([
      `Timeline first render, ${TIMELINE_RECORDS.toLocaleString('en-GB')} records (Chromium)`,
      `first row painted: median ${timeline.medianMs.toFixed(0)} ms (${ms(timeline.runsMs)}, ${timeline.runsMs.length} loads); all ${timeline.countLine} listed: median ${timeline.allMedianMs.toFixed(0)} ms`,
    ]);
  }
  const SEARCH_RECORDS = 10_000;
  const search = await measureSearchLatency(SEARCH_RECORDS);
  const searchRecords = SEARCH_RECORDS.toLocaleString('en-GB');
  rows.push([`Search index build, ${searchRecords} records`, `${(search.buildMs / 1000).toFixed(2)} s; reload from the saved index and catch up ${(search.reloadMs / 1000).toFixed(2)} s (fake-indexeddb in Node)`]);
  rows.push([`Search query, ${searchRecords} records (median, p95)`, `median ${search.medianMs.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms (${search.queries} queries, words and prefixes, highlighting included)`]);
  const table = ['| measure | result |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
  console.log(`\n${table}\n`);
  writeFileSync(
    join(root, 'docs/benchmarks.md'),
    `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${machine}, Node ${process.version}, Debian Chromium (headless).\n\n${table}\n\nKeystroke → committed is measured from the keydown event to the moment a read of IndexedDB (polled every 2 ms) finds the character in the autosaved draft, so it includes React's render, the autosave and the IndexedDB commit.\n\nSync: the app's real sync code (fake-indexeddb in Node) against the real server over loopback HTTP; records written on one device are pushed, then pulled into a second, empty device.\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
