// Entry point: `tsx src/server/main.ts` (npm run serve / npm start).
// Checks the environment first so mistakes give one clear sentence, then listens and shuts
// down cleanly on Ctrl+C or a service manager's SIGTERM.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createServer } from './createServer';

function fail(message: string): never {
  console.error(`Setwise cannot start: ${message}`);
  process.exit(1);
}

function readConfig(): ServerConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** URL to print; IPv6 hosts need brackets. */
function displayUrl(host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${port}/`;
}

async function main(): Promise<void> {
  const config = readConfig();

  if (!existsSync(join(config.staticDir, 'index.html'))) {
    fail(`no built app in ${config.staticDir} (index.html is missing). Run npm run build first.`);
  }
  await mkdir(config.dataDir, { recursive: true });

  const app = await createServer(config);
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${config.port} is already in use. Set PORT to another port.`);
    if (code === 'EADDRNOTAVAIL') fail(`HOST ${config.host} is not an address of this machine.`);
    throw error;
  }

  // Report the real port (PORT=0 picks a free one).
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Setwise is running at ${displayUrl(config.host, port)}`);
  console.log(`Data directory: ${config.dataDir}`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    console.log(`Received ${signal}; stopping Setwise.`);
    // Do not wait forever for slow clients; unref so the timer itself keeps nothing alive.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('Setwise stopped because of an unexpected error:', error);
  process.exit(1);
});
