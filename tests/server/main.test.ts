// Runs the real entry point as a child process: the messages people see when starting the
// server, and a clean exit on SIGTERM.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempSite, type TempSite } from './support/tempSite';

const MAIN = fileURLToPath(new URL('../../src/server/main.ts', import.meta.url));

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let site: TempSite | undefined;
afterEach(() => site?.cleanup());

describe('main.ts', () => {
  it('refuses to start without a built app and says to build first', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'setwise-empty-'));
    try {
      const run = startMain({ STATIC_DIR: emptyDir, DATA_DIR: join(emptyDir, 'data'), PORT: '0' });
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toContain('Run npm run build first.');
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 20_000);

  it('refuses a bad PORT with a clear message', async () => {
    const run = startMain({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toContain('PORT="eighty" must be a whole number from 0 to 65535');
  }, 20_000);

  it('creates DATA_DIR, prints its URL, serves the app and stops on SIGTERM', async () => {
    site = makeTempSite();
    const dataDir = join(site.dataDir, 'nested');
    const run = startMain({ STATIC_DIR: site.staticDir, DATA_DIR: dataDir, PORT: '0' });
    await waitFor(() => run.output().stdout.includes('Data directory'));

    const match = /Setwise is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.output().stdout);
    expect(match, run.output().stderr).not.toBeNull();
    expect(run.output().stdout).toContain(`Data directory: ${dataDir}`);
    expect(existsSync(dataDir)).toBe(true);

    const res = await fetch(new URL('api/health', match?.[1]));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 20_000);
});
