// What the simulated devices observed: latencies per request kind, accepted mutations and every
// failed request, described well enough to find out why it failed.
import { SyncHttpError } from '../../../src/app/sync/SyncHttpError';
import { percentile } from '../stats';

export type RequestKind = 'sign-in' | 'push' | 'pull';

export class LoadStats {
  readonly latencyMs: Record<RequestKind, number[]> = { 'sign-in': [], push: [], pull: [] };
  acceptedMutations = 0;
  /** Mutations the sharing rules refused (none expected: everyone writes their own entries). */
  rejectedMutations = 0;
  /** Batches the server said it had applied before (none expected: every batch is new). */
  replayedBatches = 0;
  pulledRecords = 0;
  private readonly errors = new Map<string, number>();

  /** Times `request` and records its latency, or the error it failed with (never rethrown). */
  async time<T>(kind: RequestKind, request: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await request();
      this.latencyMs[kind].push(performance.now() - started);
      return result;
    } catch (error) {
      this.recordError(kind, error);
      return undefined;
    }
  }

  recordError(kind: RequestKind, error: unknown): void {
    const what =
      error instanceof SyncHttpError
        ? `${error.status ?? 'network'} ${error.failure}: ${error.message}`
        : error instanceof Error
          ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
          : String(error);
    const key = `${kind} ${what}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }

  /** The commonest failures first, e.g. "push 503 server-error: … ×12". */
  describeErrors(limit = 3): string {
    return [...this.errors]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([what, n]) => `${what} ×${n}`)
      .join('; ');
  }

  requests(kind: RequestKind): number {
    return this.latencyMs[kind].length;
  }
}

/** "p50 12 ms, p99 85 ms, max 140 ms (4,210 requests)". */
export function describeLatency(values: readonly number[]): string {
  if (values.length === 0) return 'no successful requests';
  const ms = (value: number) => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  return `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}, max ${ms(max)} (${values.length.toLocaleString('en-GB')} requests)`;
}
