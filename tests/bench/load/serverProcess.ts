// The real server entry point as a child process: `node --import tsx src/server/main.ts`.
// tsx is loaded into the server's own Node process (the tsx CLI would sit in between as a
// second process), so the child's pid is the server, and /proc/<pid> describes the server alone.
// One exception, checked below: when tsx's transform cache misses (a source file changed since
// it was last compiled) tsx starts esbuild's service binary as a child, which then idles for
// the server's life. It is not the server, and /proc/<pid> of the server does not count it.
// PORT=0 lets the server pick a free port, read back from the line it prints when listening.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childPids, statusKiB } from './procStat';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../src/server/main.ts', import.meta.url));
const LISTENING = /Setwise is running at (http:\/\/\S+?)\/?$/m;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerSettings {
  readonly dataDir: string;
  readonly staticDir: string;
  /** PostgreSQL; unset means SQLite in dataDir. */
  readonly databaseUrl?: string;
}

export interface RunningServer {
  readonly pid: number;
  readonly baseUrl: string;
  /** pino lines at warn or above (LOG_LEVEL=warn): anything here is worth reading. */
  readonly logLines: () => string[];
  /** tsx's esbuild service children now running, with their resident memory (KiB). */
  readonly esbuildHelpers: () => Array<{ pid: number; rssKiB: number }>;
  stop(): Promise<void>;
}

function isEsbuildService(pid: number): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /[/\\]esbuild$/.test(args[0] ?? '') && args.some((arg) => arg.startsWith('--service'));
  } catch {
    return true; // Gone already: nothing that could be counted.
  }
}

function rssKiB(pid: number): number {
  try {
    return statusKiB(pid, 'VmRSS');
  } catch {
    return 0; // Gone already.
  }
}

/** Any child other than esbuild's service means the pid is not the server alone: stop there. */
function esbuildHelpersOf(pid: number): Array<{ pid: number; rssKiB: number }> {
  const children = childPids(pid);
  const others = children.filter((child) => !isEsbuildService(child));
  if (others.length > 0) throw new Error(`The server process ${pid} has child processes (${others.join(', ')}): its memory would not be the server's alone.`);
  return children.map((child) => ({ pid: child, rssKiB: rssKiB(child) }));
}

export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: settings.dataDir,
    STATIC_DIR: settings.staticDir,
    LOG_LEVEL: 'warn',
  };
  // Whatever the surrounding shell exports, the run's own choice of database.
  delete env.DATABASE_URL;
  if (settings.databaseUrl) env.DATABASE_URL = settings.databaseUrl;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server process could not be started.');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Last resort if the bench dies without stopping its servers.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const check = (): void => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
      resolve(match[1]);
    };
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The server ${why}.\n${output}`));
    };
    const onExit = (code: number | null): void => fail(`exited before listening (code ${code})`);
    child.stdout?.on('data', check);
    child.once('exit', onExit);
  });

  try {
    esbuildHelpersOf(pid);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    pid,
    baseUrl,
    logLines: () => output.split('\n').filter((line) => line.startsWith('{')),
    esbuildHelpers: () => esbuildHelpersOf(pid),
    async stop() {
      // SIGTERM: main.ts closes the app and its store cleanly (pools, WAL checkpoint).
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      process.off('exit', killOnExit);
    },
  };
}
