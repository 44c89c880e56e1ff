// Setwise's side: the real server (createServer) on the SQLite store in dataDir, with the one
// bench account, serving the bench site as its static directory (so the page is same-origin
// with /api, and the server's own security headers apply to it).
import { createAccount } from '../../../src/server/auth/accounts';
import { createServer } from '../../../src/server/createServer';
import { openStore } from '../../../src/server/storage/openStore';
import type { Listening } from './listen';
import { SETWISE_BENCH_EMAIL, SETWISE_BENCH_PASSWORD } from './setwiseAccount';

export async function startSetwiseServer(siteDir: string, dataDir: string): Promise<Listening> {
  // Opened here rather than by createServer only so the account can be made before it starts.
  const store = await openStore({ dataDir });
  try {
    await createAccount(store, { email: SETWISE_BENCH_EMAIL, displayName: 'Priya Shah', roles: ['participant'], password: SETWISE_BENCH_PASSWORD });
    const app = await createServer({ staticDir: siteDir, dataDir, store, logLevel: 'warn' });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      origin,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
