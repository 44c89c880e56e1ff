// Setwise against two offline-first peers, PouchDB and RxDB, in Debian Chromium with real
// IndexedDB (decision 012): the same documents written on device A, pushed to each one's
// server, pulled into a fresh device B. Runs are interleaved (Setwise, PouchDB, RxDB, Setwise,
// …) so that noise from a shared machine falls on all three alike.
import { launchBrowser } from '../../e2e/support/browser';
import { median } from '../stats';
import { buildBenchSite, type PeerName } from './benchSite';
import { measureBundleSizes } from './bundleSizes';
import { USES_EVENTS_SHIM } from './bundle';
import { DEFAULT_SEED } from './documents';
import { runPeerOnce, type PeerTiming } from './runPeer';

export interface MeasurePeersOptions {
  /** Documents synced in each run (default 10,000). */
  readonly docs?: number;
  /** Runs of each peer (default 5). */
  readonly runs?: number;
  /** Progress lines, e.g. console.error (default: silent). */
  readonly log?: (message: string) => void;
}

const PEERS: readonly PeerName[] = ['setwise', 'pouchdb', 'rxdb'];
const LABELS: Readonly<Record<PeerName, string>> = {
  setwise: 'Setwise',
  pouchdb: 'PouchDB 9',
  rxdb: 'RxDB 17',
};
const CLIENTS: Readonly<Record<PeerName, string>> = {
  setwise: 'Setwise sync client (SetwiseDatabase, writeRecordChange, push, pull, createSyncApi)',
  pouchdb: `PouchDB (pouchdb-browser${USES_EVENTS_SHIM ? ', with a minimal events shim' : ''})`,
  rxdb: 'RxDB (core, Dexie storage, replication)',
};
/** [timing, short name for the ratio rows, what the measure row says]. */
const MEASURES = [
  ['pushMs', 'push', 'push from device A'],
  ['pullMs', 'pull', 'pull into a fresh device B'],
  ['endToEndMs', 'end to end', 'end to end (push start → all on device B)'],
] as const satisfies ReadonlyArray<readonly [keyof PeerTiming, string, string]>;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function spread(values: readonly number[]): string {
  return `median ${seconds(median(values))} (min ${seconds(Math.min(...values))}, max ${seconds(Math.max(...values))}; ${values.length} run${values.length === 1 ? '' : 's'})`;
}

export async function measurePeers(options: MeasurePeersOptions = {}): Promise<Array<[string, string]>> {
  const docs = options.docs ?? 10_000;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);

  log('peers: measuring client bundles');
  const sizes = await measureBundleSizes();
  log('peers: bundling the bench pages');
  const site = await buildBenchSite();
  const timings: Record<PeerName, PeerTiming[]> = { setwise: [], pouchdb: [], rxdb: [] };
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const peer of PEERS) {
        const timing = await runPeerOnce(browser, site, peer, docs, DEFAULT_SEED);
        timings[peer].push(timing);
        log(`peers: run ${run + 1}/${runs} ${peer}: push ${seconds(timing.pushMs)}, pull ${seconds(timing.pullMs)}, end to end ${seconds(timing.endToEndMs)}`);
      }
    }
  } finally {
    await browser.close();
    site.remove();
  }

  const documents = docs.toLocaleString('en-GB');
  const rows: Array<[string, string]> = PEERS.map((peer) => [
    `Peers: client bundle, gzip -9 — ${CLIENTS[peer]}`,
    `${kb(sizes[peer].esbuildGzipBytes)} with esbuild; ${kb(sizes[peer].viteGzipBytes)} with Vite`,
  ]);
  for (const [key, , what] of MEASURES) {
    for (const peer of PEERS) {
      rows.push([`Peers, Chromium: ${documents} documents, ${what} — ${LABELS[peer]}`, spread(timings[peer].map((timing) => timing[key]))]);
    }
  }
  // Above 1: the peer took longer than Setwise. Medians of this same run, so same conditions.
  for (const peer of PEERS.filter((name) => name !== 'setwise')) {
    const ratios = MEASURES.map(([key, name]) => {
      const ratio = median(timings[peer].map((timing) => timing[key])) / median(timings.setwise.map((timing) => timing[key]));
      return `${name} ${ratio.toFixed(2)}×`;
    });
    rows.push([`Peers: ${LABELS[peer]} time ÷ Setwise time (medians; above 1 = Setwise faster)`, ratios.join(', ')]);
  }
  return rows;
}
