/** What every section of `npm run bench` returns: table rows, [measure, result]. */
export type Rows = Array<[string, string]>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/** Milliseconds as people read them: one decimal under 10 ms. */
export const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
export const seconds = (value: number): string => `${(value / 1000).toFixed(2)} s`;
export const count = (value: number): string => value.toLocaleString('en-GB');

/** "median 141 ms (min 128 ms, max 230 ms; 5 runs)": the median and the spread of repeated runs. */
export function medianSpread(values: readonly number[], format: (value: number) => string = ms, noun = 'runs'): string {
  if (values.length === 0) return 'no runs';
  return `median ${format(median(values))} (min ${format(Math.min(...values))}, max ${format(Math.max(...values))}; ${values.length} ${noun})`;
}

/** Runs `once` `runs` times, one after the other (never in parallel: they would time each other). */
export async function repeat<T>(runs: number, once: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await once(run));
  return results;
}
