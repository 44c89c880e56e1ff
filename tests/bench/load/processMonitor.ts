// What the server processes and the machine spent during the load window: peak resident memory
// (VmHWM) per server process, CPU time of each server, of PostgreSQL's backends for the run's
// database, of this process (the load generator) and of the whole machine — so a report can
// say who was the bottleneck, and whether the generator was.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { BackendCpuTracker } from './postgresBackends';
import { cpuStallSeconds, machineJiffies, processCpuSeconds, statusKiB } from './procStat';

/** VmHWM is kept by the kernel; samples catch the summed RSS and PostgreSQL backends that end. */
const SAMPLE_EVERY_MS = 500;

/**
 * Resets VmHWM to the current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux 4.0+), so the
 * peak measured afterwards is the load's, not the sign-in's: sign-in runs scrypt, which takes
 * 32 MiB per hash while it runs. False when the kernel does not allow it.
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function peakMemoryKiB(pid: number): number {
  return statusKiB(pid, 'VmHWM');
}

export interface WindowUsage {
  readonly seconds: number;
  /** Per server pid: peak RSS (KiB) and CPU seconds used in the window. */
  readonly servers: ReadonlyArray<{ pid: number; peakKiB: number; cpuSeconds: number }>;
  /** Highest sampled sum of the servers' RSS (KiB): the peaks of two processes need not coincide. */
  readonly peakSummedRssKiB: number;
  /** CPU seconds of the PostgreSQL backends serving the run's database (undefined on SQLite). */
  readonly postgresCpuSeconds: number | undefined;
  /** This process (the load generator): CPU seconds, event-loop utilisation and delay p99. */
  readonly generatorCpuSeconds: number;
  readonly generatorEventLoopUtilisation: number;
  readonly generatorEventLoopDelayP99Ms: number;
  /** Share of all the machine's cores busy (anyone's processes, other users' included). */
  readonly machineBusyShare: number;
  /** Share of the window in which some task waited for a core (PSI); undefined without PSI. */
  readonly machineCpuStallShare: number | undefined;
}

/** Starts measuring now; `finish()` returns what was used since. */
export function watchWindow(pids: readonly number[], postgresDatabase?: string): { finish(): WindowUsage } {
  const startedAt = performance.now();
  const cpuAtStart = pids.map(processCpuSeconds);
  const generatorAtStart = process.cpuUsage();
  const eluAtStart: EventLoopUtilization = performance.eventLoopUtilization();
  const machineAtStart = machineJiffies();
  const stallAtStart = cpuStallSeconds();
  const backends = postgresDatabase ? new BackendCpuTracker(postgresDatabase) : undefined;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakSummedRssKiB = 0;
  const sample = (): void => {
    backends?.sample();
    try {
      peakSummedRssKiB = Math.max(peakSummedRssKiB, pids.reduce((sum, pid) => sum + statusKiB(pid, 'VmRSS'), 0));
    } catch {
      // A server that died is reported by the requests that failed, not here.
    }
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  sample();
  return {
    finish() {
      clearInterval(timer);
      sample();
      delay.disable();
      const seconds = (performance.now() - startedAt) / 1000;
      const generator = process.cpuUsage(generatorAtStart);
      const machine = machineJiffies();
      const stall = cpuStallSeconds();
      return {
        seconds,
        servers: pids.map((pid, i) => ({ pid, peakKiB: peakMemoryKiB(pid), cpuSeconds: processCpuSeconds(pid) - (cpuAtStart[i] ?? 0) })),
        peakSummedRssKiB,
        postgresCpuSeconds: backends?.cpuSeconds(),
        generatorCpuSeconds: (generator.user + generator.system) / 1e6,
        generatorEventLoopUtilisation: performance.eventLoopUtilization(eluAtStart).utilization,
        generatorEventLoopDelayP99Ms: delay.percentile(99) / 1e6,
        machineBusyShare: (machine.busy - machineAtStart.busy) / Math.max(1, machine.total - machineAtStart.total),
        machineCpuStallShare: stall === undefined || stallAtStart === undefined ? undefined : (stall - stallAtStart) / seconds,
      };
    },
  };
}
