// The server load benchmark (docs/decisions/013-server-load-benchmark.md): simulated devices
// pushing and pulling against real server processes, on SQLite with one process and on
// PostgreSQL with two processes sharing one database. Returns table rows [measure, result].
import { describeLatency, type LoadStats } from './loadStats';
import { runLoad, type LoadConfig, type LoadResult } from './runLoad';

export interface ServerLoadOptions {
  /** Simulated devices (default 200). */
  devices?: number;
  /** Length of the load, per configuration (default 30 s). */
  seconds?: number;
  /** Devices per account (default 4: a person's phone, tablet, laptop and school computer). */
  devicesPerPerson?: number;
  /** Most push + pull rounds per device (default 1,000: in practice the time bound ends a run). */
  maxRoundsPerDevice?: number;
  /** Think time between rounds, uniform in [min, max] ms (default 500–1,500). */
  thinkMs?: readonly [number, number];
  /** Run one configuration only (default both). */
  only?: 'sqlite' | 'postgres';
}

const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;
const count = (n: number): string => n.toLocaleString('en-GB');
const percent = (share: number): string => `${(share * 100).toFixed(0)}%`;

function errorsRow(stats: LoadStats): string {
  const requests = stats.requests('push') + stats.requests('pull') + stats.errorCount;
  if (stats.errorCount === 0) return `0 of ${count(requests)} requests`;
  return `${count(stats.errorCount)} of ${count(requests)} requests: ${stats.describeErrors()}`;
}

function memoryRow(result: LoadResult): string {
  const { servers, peakSummedRssKiB } = result.usage;
  const during = result.peakWasReset ? 'during the load' : 'since start (VmHWM could not be reset, sign-in included)';
  const helpers = result.esbuildHelpers.count > 0 ? ` (not counted: ${result.esbuildHelpers.count} idle esbuild helper process(es) of tsx, ${mib(result.esbuildHelpers.rssKiB)})` : '';
  const signIn = `at the start of the load ${result.startRssKiB.map(mib).join(' + ')}; peak during sign-in (scrypt) ${result.signInPeakKiB.map(mib).join(' + ')}${helpers}`;
  if (servers.length === 1) return `${mib(servers[0]?.peakKiB ?? 0)} ${during}; ${signIn}`;
  const sum = servers.reduce((total, server) => total + server.peakKiB, 0);
  return `${servers.map((server) => mib(server.peakKiB)).join(' + ')} = ${mib(sum)} ${during} (highest sampled sum of RSS ${mib(peakSummedRssKiB)}); ${signIn}`;
}

function cpuRow(result: LoadResult): string {
  const { usage } = result;
  const share = (seconds: number) => percent(seconds / usage.seconds);
  const servers = usage.servers.map((server) => share(server.cpuSeconds)).join(' + ');
  const postgres = usage.postgresCpuSeconds === undefined ? '' : `PostgreSQL backends ${share(usage.postgresCpuSeconds)}; `;
  return (
    `server ${servers} of a core; ${postgres}load generator ${share(usage.generatorCpuSeconds)} of a core ` +
    `(event loop ${percent(usage.generatorEventLoopUtilisation)} busy, delay p99 ${usage.generatorEventLoopDelayP99Ms.toFixed(0)} ms); ` +
    `whole machine ${percent(usage.machineBusyShare)} busy` +
    (usage.machineCpuStallShare === undefined ? '' : `, something waiting for a core ${percent(usage.machineCpuStallShare)} of the time (PSI)`)
  );
}

/** CPU per request: how much of a core the load costs, whatever else the machine was doing. */
function costRow(result: LoadResult): string {
  const { usage, stats } = result;
  const requests = stats.requests('push') + stats.requests('pull');
  if (requests === 0) return 'no requests';
  const perRequest = (seconds: number) => `${((seconds * 1000) / requests).toFixed(1)} ms`;
  const server = usage.servers.reduce((sum, s) => sum + s.cpuSeconds, 0);
  const postgres = usage.postgresCpuSeconds === undefined ? '' : ` + PostgreSQL backends ${perRequest(usage.postgresCpuSeconds)}`;
  return `server process${usage.servers.length > 1 ? 'es' : ''} ${perRequest(server)}${postgres} per push or pull (${count(requests)} requests, sign-in excluded)`;
}

function rows(result: LoadResult): Array<[string, string]> {
  const { config, stats, usage } = result;
  const name = `Server load, ${config.database}, ${config.processes} process${config.processes > 1 ? 'es' : ''}`;
  const who = `${count(config.devices)} devices (${count(result.people)} people × ${config.devicesPerPerson}), ${config.seconds} s, think ${config.thinkMs[0]}–${config.thinkMs[1]} ms`;
  const pushes = stats.requests('push');
  // A push whose answer was lost may still have been applied: found may exceed acknowledged,
  // but never fall below it (a lost write) nor exceed what was sent (an invented one).
  const { found, acknowledged, sent } = result.entries;
  const check = `${acknowledged <= found && found <= sent ? 'yes' : 'NO'}: ${count(found)} entries pulled; ${count(acknowledged)} acknowledged, ${count(sent)} sent`;
  const out: Array<[string, string]> = [
    [`${name}: mutations accepted per second, ${who}`, `${(stats.acceptedMutations / usage.seconds).toFixed(0)}/s (${count(stats.acceptedMutations)} mutations in ${count(pushes)} pushes over ${usage.seconds.toFixed(1)} s; ${count(stats.pulledRecords)} records pulled)`],
    [`${name}: push latency`, describeLatency(stats.latencyMs.push)],
    [`${name}: pull latency`, describeLatency(stats.latencyMs.pull)],
    [`${name}: errors (non-2xx or network)`, errorsRow(stats)],
    [`${name}: server peak memory (VmHWM)`, memoryRow(result)],
    [`${name}: CPU`, cpuRow(result)],
    [`${name}: CPU per request`, costRow(result)],
    [`${name}: every acknowledged entry on the server afterwards`, check],
  ];
  const refusals = stats.rejectedMutations + stats.replayedBatches;
  if (refusals > 0) out.push([`${name}: unexpected answers`, `${count(stats.rejectedMutations)} mutations rejected, ${count(stats.replayedBatches)} batches seen as replays`]);
  if (result.serverLogLines.length > 0) out.push([`${name}: server warnings and errors logged`, `${count(result.serverLogLines.length)}, first: ${result.serverLogLines[0]?.slice(0, 300) ?? ''}`]);
  return out;
}

export async function measureServerLoad(options: ServerLoadOptions = {}): Promise<Array<[string, string]>> {
  const base = {
    devices: options.devices ?? 200,
    seconds: options.seconds ?? 30,
    devicesPerPerson: options.devicesPerPerson ?? 4,
    maxRoundsPerDevice: options.maxRoundsPerDevice ?? 1000,
    thinkMs: options.thinkMs ?? ([500, 1500] as const),
  };
  const configs: LoadConfig[] = [
    { ...base, database: 'sqlite', processes: 1 },
    { ...base, database: 'postgres', processes: 2 },
  ];
  const out: Array<[string, string]> = [];
  // One after the other: they share the machine's cores, and each must have them to itself.
  for (const config of configs) if (!options.only || options.only === config.database) out.push(...rows(await runLoad(config)));
  return out;
}
