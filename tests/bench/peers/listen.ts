// Listening on loopback and closing again, as promises, for the peers' servers.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface Listening {
  readonly origin: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(handler: RequestListener): Promise<Listening> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The bench server has no TCP address.');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Browsers keep connections alive; the bench is done with them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
