// What the browser sections of `npm run bench` share: the built app on the real server (one
// port, a throwaway data directory), one headless Chromium, and the sizes to measure at.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer } from '../../src/server/createServer';
import { launchBrowser } from '../e2e/support/browser';
import type { Rows } from './stats';

/**
 * Sizes, overridable for development (`BENCH_RUNS=1 BENCH_RECORDS=500 BENCH_ONLY=search …`).
 * docs/benchmarks.md is only written by a full run at the full sizes.
 */
export const BENCH = {
  runs: Number(process.env.BENCH_RUNS ?? 5),
  records: Number(process.env.BENCH_RECORDS ?? 10_000),
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((name) => name.trim()) : null,
};
export const FULL_RUN = BENCH.runs >= 5 && BENCH.records === 10_000 && BENCH.only === null;

/** Sections that failed in this run (their row says so; docs/benchmarks.md is then not written). */
export const FAILED: string[] = [];

/** A section's rows; none when BENCH_ONLY names other sections; one "failed" row if it throws. */
export async function only(name: string, measure: () => Promise<Rows>): Promise<Rows> {
  if (BENCH.only && !BENCH.only.includes(name)) return [];
  console.log(`bench: ${name}…`);
  try {
    return await measure();
  } catch (error) {
    console.error(error);
    FAILED.push(name);
    return [[`${name} (section failed)`, `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`]];
  }
}

export interface BenchApp {
  readonly baseURL: string;
  readonly browser: Browser;
}

/**
 * The app built into a directory of the bench's own (or, with SETWISE_SKIP_BUILD=1, a copy of
 * dist/), for `use`: the tree is shared, and a build started meanwhile (say by the e2e tests)
 * would otherwise replace dist/ under a running benchmark.
 */
export async function withBuiltApp<T>(root: string, use: (built: string) => Promise<T>): Promise<T> {
  const built = mkdtempSync(join(tmpdir(), 'setwise-bench-dist-'));
  try {
    if (process.env.SETWISE_SKIP_BUILD === '1') cpSync(join(root, 'dist'), built, { recursive: true });
    else execFileSync('npm', ['run', 'build', '--', '--outDir', built, '--emptyOutDir'], { cwd: root, stdio: 'inherit' });
    return await use(built);
  } finally {
    rmSync(built, { recursive: true, force: true });
  }
}

/** Serves the built app in `dist` on the real server and opens Chromium for `use`, then closes both. */
export async function withBenchApp<T>(dist: string, use: (app: BenchApp) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'setwise-bench-'));
  const server = await createServer({ staticDir: dist, dataDir, logLevel: 'warn' });
  try {
    const baseURL = await server.listen({ host: '127.0.0.1', port: 0 });
    const browser = await launchBrowser();
    try {
      return await use({ baseURL, browser });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
