// One configuration, end to end: a fresh deployment, its server process(es), every device
// signed in, then the timed load, then a check that every acknowledged entry is on the server.
import { freshDeployment, LOAD_PASSWORD } from './freshDeployment';
import { LoadStats } from './loadStats';
import { peakMemoryKiB, resetPeakMemory, watchWindow, type WindowUsage } from './processMonitor';
import { statusKiB } from './procStat';
import { startServer, type RunningServer } from './serverProcess';
import { SimulatedDevice } from './simulatedDevice';

export interface LoadConfig {
  readonly database: 'sqlite' | 'postgres';
  /** Server processes sharing the database; devices are dealt round-robin between them. */
  readonly processes: number;
  readonly devices: number;
  readonly devicesPerPerson: number;
  readonly seconds: number;
  readonly maxRoundsPerDevice: number;
  readonly thinkMs: readonly [number, number];
}

export interface LoadResult {
  readonly config: LoadConfig;
  readonly people: number;
  readonly stats: LoadStats;
  readonly usage: WindowUsage;
  /** Per server: VmHWM after sign-in, before it was reset (scrypt's peak, not the load's). */
  readonly signInPeakKiB: readonly number[];
  /** Per server: resident memory when the load started (after the sign-ins). */
  readonly startRssKiB: readonly number[];
  /** False when VmHWM could not be reset: the load peaks then include sign-in's. */
  readonly peakWasReset: boolean;
  /** Entries a full pull found, the server acknowledged, and devices sent, summed over people. */
  readonly entries: { found: number; acknowledged: number; sent: number };
  /** tsx's idle esbuild service children after the load (not counted in the servers' memory). */
  readonly esbuildHelpers: { count: number; rssKiB: number };
  /** Server log lines at warn level or above. */
  readonly serverLogLines: readonly string[];
}

/** People sign in a few at a time: sign-in is scrypt (~50–100 ms of a core) by design. */
const SIGN_IN_CONCURRENCY = 8;

/** A loopback address per person (127.1.0.1, 127.1.0.2, …); see deviceHttp for why. */
function personAddress(person: number): string {
  return `127.1.${Math.floor(person / 250)}.${(person % 250) + 1}`;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export async function runLoad(config: LoadConfig): Promise<LoadResult> {
  const peopleCount = Math.ceil(config.devices / config.devicesPerPerson);
  const deployment = await freshDeployment(config.database, peopleCount);
  const servers: RunningServer[] = [];
  const devices: SimulatedDevice[] = [];
  const stats = new LoadStats();
  try {
    // One after another: on PostgreSQL the first migrates (nothing left to do here) under a lock.
    for (let i = 0; i < config.processes; i += 1) servers.push(await startServer(deployment));
    const byPerson: SimulatedDevice[][] = deployment.people.map(() => []);
    for (let i = 0; i < config.devices; i += 1) {
      const person = Math.floor(i / config.devicesPerPerson);
      const email = deployment.people[person]?.email ?? '';
      const server = servers[i % servers.length] as RunningServer;
      const device = new SimulatedDevice(server.baseUrl, { email, password: LOAD_PASSWORD, localAddress: personAddress(person) }, stats);
      devices.push(device);
      byPerson[person]?.push(device);
    }

    // A person's devices sign in one after another (as a person would), several people at once.
    await inBatches(byPerson, SIGN_IN_CONCURRENCY, async (own) => {
      for (const device of own) await device.signIn();
    });
    if (stats.errorCount > 0) throw new Error(`Sign-in failed: ${stats.describeErrors()}`);
    const signInPeakKiB = servers.map((server) => peakMemoryKiB(server.pid));
    const peakWasReset = servers.map((server) => resetPeakMemory(server.pid)).every(Boolean);
    const startRssKiB = servers.map((server) => statusKiB(server.pid, 'VmRSS'));

    const window = watchWindow(servers.map((server) => server.pid), deployment.databaseName);
    const deadline = performance.now() + config.seconds * 1000;
    await Promise.all(devices.map((device) => device.run({ deadline, maxRounds: config.maxRoundsPerDevice, thinkMs: config.thinkMs })));
    const usage = window.finish();
    const helpers = servers.flatMap((server) => server.esbuildHelpers());
    const esbuildHelpers = { count: helpers.length, rssKiB: helpers.reduce((sum, helper) => sum + helper.rssKiB, 0) };

    // After the load, not timed: each person's first device pulls everything from 0.
    let found = 0;
    for (const own of byPerson) {
      const first = own[0];
      if (first) found += await first.countAllRecords();
    }
    const entries = {
      found,
      acknowledged: devices.reduce((sum, device) => sum + device.entriesAcknowledged, 0),
      sent: devices.reduce((sum, device) => sum + device.entriesSent, 0),
    };
    const serverLogLines = servers.flatMap((server) => server.logLines());
    return { config, people: peopleCount, stats, usage, signInPeakKiB, startRssKiB, peakWasReset, entries, esbuildHelpers, serverLogLines };
  } finally {
    await Promise.all(devices.map((device) => device.close()));
    await Promise.all(servers.map((server) => server.stop()));
    await deployment.destroy();
  }
}
