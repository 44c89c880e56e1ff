// Lighthouse (the npm package) against the served app, in the same Debian Chromium, and the
// app's installability as Chromium itself judges it (Lighthouse 12 dropped its PWA category).
// Chromium is started here with a DevTools port, not through Playwright: Lighthouse connects
// to a port, and a Playwright context is incognito, which Chromium never lets install an app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH, waitForServiceWorker } from '../e2e/support/browser';
import { BENCH, type BenchApp } from './benchApp';
import { median, medianSpread, ms, repeat, type Rows } from './stats';

// The flags of launchBrowser: headless, no sandbox, no traffic of its own.
const CHROMIUM_FLAGS = CHROMIUM_ARGS;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export const LIGHTHOUSE_NOTE =
  'Lighthouse: the `lighthouse` npm package (v13) drives the same Debian Chromium, started with a DevTools port and a fresh profile, against / on a first visit (Lighthouse clears the site\'s storage before each run) with its default settings: a mobile screen and simulated throttling (slow 4G, CPU 4× slower). Scores are out of 100. Installable is Chromium\'s own verdict (DevTools Page.getInstallabilityErrors, after the service worker controls the page, in that non-incognito profile): Lighthouse 12 removed its PWA category.';

interface ChromiumWithPort {
  readonly port: number;
  close(): Promise<void>;
}

/** Starts Chromium with a DevTools port on a fresh profile; resolves once it listens. */
async function startChromium(): Promise<ChromiumWithPort> {
  assertChromiumInstalled();
  const profile = mkdtempSync(join(tmpdir(), 'setwise-bench-chromium-'));
  const child: ChildProcess = spawn(CHROMIUM_PATH, [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port in 30 s:\n${output}`)), 30_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(Number(found[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${output}`)));
    });
    child.stderr?.resume();
    return { port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type Category = (typeof CATEGORIES)[number];

interface LighthouseRun {
  readonly scores: Record<Category, number>;
  /** Audits that cost points (weighted, scored below 1), by category. */
  readonly lost: Record<Category, string[]>;
  readonly lcpMs: number;
  readonly tbtMs: number;
}

async function runLighthouse(url: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error('Lighthouse returned no result.');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (category: Category) => Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100);
  const lost = (category: Category) =>
    (lhr.categories[category]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
  return {
    scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
    lost: { performance: lost('performance'), accessibility: lost('accessibility'), 'best-practices': lost('best-practices') },
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

/** Chromium's installability errors for the app, once its service worker controls the page. */
async function installabilityErrors(url: string, port: number): Promise<string[]> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default (non-incognito) context.');
    const page = await context.newPage();
    await page.goto(url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors');
    await page.close();
    return errors.map((error) => [error.errorId, ...error.errorArguments.map((argument) => `${argument.name}=${argument.value}`)].join(' '));
  } finally {
    await browser.close();
  }
}

export async function lighthouseRows(app: BenchApp): Promise<Rows> {
  const url = `${app.baseURL}/`;
  const chromiumWithPort = await startChromium();
  try {
    const runs = await repeat(BENCH.runs, () => runLighthouse(url, chromiumWithPort.port));
    const errors = await installabilityErrors(url, chromiumWithPort.port);
    const scores = (category: Category) => {
      const lost = category === 'performance' ? [] : [...new Set(runs.flatMap((run) => run.lost[category]))];
      const spread = medianSpread(runs.map((run) => run.scores[category]), (value) => value.toFixed(0));
      return lost.length > 0 ? `${spread}; points lost on ${lost.join(', ')}` : spread;
    };
    return [
      [
        'Lighthouse performance (first visit, mobile, simulated slow 4G and CPU 4×)',
        `${scores('performance')}; LCP ${ms(median(runs.map((run) => run.lcpMs)))}, TBT ${ms(median(runs.map((run) => run.tbtMs)))} (medians)`,
      ],
      ['Lighthouse accessibility', scores('accessibility')],
      ['Lighthouse best practices', scores('best-practices')],
      ['Installable (Chromium: Page.getInstallabilityErrors; Lighthouse 12+ has no PWA category)', errors.length === 0 ? 'yes: no installability errors' : `no: ${errors.join('; ')}`],
    ];
  } finally {
    await chromiumWithPort.close();
  }
}
