// CPU time of the PostgreSQL backends serving one database, found in /proc by their process
// title ("postgres: 15/main: postgres <database> 127.0.0.1(5432) idle"). The servers' own CPU
// says little on PostgreSQL: much of a push's work happens in these backends.
import { readdirSync, readFileSync } from 'node:fs';
import { processCpuSeconds } from './procStat';

/** CPU seconds used so far by each live backend of `database`, by pid. */
export function backendCpuSeconds(database: string): Map<number, number> {
  const found = new Map<number, number>();
  const marker = ` ${database} `;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!title.startsWith('postgres:') || !title.includes(marker)) continue;
      found.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      // The backend ended while we looked.
    }
  }
  return found;
}

/**
 * Follows the backends of `database` over a window: a backend's CPU counts from when it was
 * first seen (or from 0 if it started during the window) to when it was last seen. A backend
 * that ends between two samples loses at most one sampling interval of CPU.
 */
export class BackendCpuTracker {
  private readonly atStart: Map<number, number>;
  private readonly latest = new Map<number, number>();

  constructor(private readonly database: string) {
    this.atStart = backendCpuSeconds(database);
  }

  sample(): void {
    for (const [pid, seconds] of backendCpuSeconds(this.database)) this.latest.set(pid, seconds);
  }

  cpuSeconds(): number {
    let total = 0;
    for (const [pid, seconds] of this.latest) total += seconds - (this.atStart.get(pid) ?? 0);
    return total;
  }
}
