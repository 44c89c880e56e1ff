import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../src/server/main.ts', import.meta.url));
const READY = 'Setwise is running at';

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/**
 * A free TCP port below Linux's ephemeral range (32768+), so that while the server is down
 * between a kill and its restart no outgoing connection can be given its port.
 */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 2000; i += 1) {
    const port = 20_000 + ((process.pid + i * 7) % 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000');
}

export interface ServerProcessOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly staticDir: string;
  readonly startTimeoutMs?: number;
}

/**
 * The real server entry point (`node --import tsx src/server/main.ts`) as a child process that
 * can be started, SIGKILLed and started again on the same port and data directory. tsx is
 * loaded in-process (not the tsx CLI, which would put a second process between us and the
 * server), so the signal hits the server itself.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Everything every run of the server printed (pino JSON lines at LOG_LEVEL=warn and above). */
  output = '';
  private readonly onExit = (): void => {
    // Last resort if the test process ends without afterAll (a crash of the runner).
    this.child?.kill('SIGKILL');
  };

  constructor(private readonly options: ServerProcessOptions) {
    process.once('exit', this.onExit);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server and resolves once it says it is listening. */
  async start(): Promise<void> {
    if (this.child) throw new Error('The server is already running.');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(this.options.port),
      DATA_DIR: this.options.dataDir,
      STATIC_DIR: this.options.staticDir,
      LOG_LEVEL: 'warn',
    };
    // Always the SQLite store in DATA_DIR, whatever the surrounding shell exports.
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`The server did not start within ${this.options.startTimeoutMs ?? 20_000} ms.`)), this.options.startTimeoutMs ?? 20_000);
      const done = (): void => {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onStdout);
        child.removeListener('exit', onEarlyExit);
      };
      const fail = (error: Error): void => {
        done();
        child.kill('SIGKILL');
        reject(new Error(`${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      };
      const onStdout = (chunk: Buffer): void => {
        stdout += chunk.toString();
        if (stdout.includes(READY)) {
          done();
          resolve();
        }
      };
      const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null): void => fail(new Error(`The server exited before listening (code ${code}, signal ${signal}).`));
      child.stdout?.on('data', onStdout);
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', onEarlyExit);
    }).catch(async (error: unknown) => {
      await this.exited;
      this.child = null;
      throw error;
    });
  }

  /** SIGKILL now, synchronously: for hooks that must strike at an exact moment. */
  killNow(): void {
    this.child?.kill('SIGKILL');
  }

  /** SIGKILL (if still running) and wait until the process is gone. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }

  /** For afterAll: kill, wait, and drop the exit hook. */
  async stop(): Promise<void> {
    await this.kill();
    process.removeListener('exit', this.onExit);
  }
}
