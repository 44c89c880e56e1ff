/** A sync request the server (or the network) refused; `code` says what the engine should do. */
export type SyncFailure = 'offline' | 'unauthenticated' | 'resync-required' | 'access-changed' | 'rejected' | 'server-error';

export class SyncHttpError extends Error {
  constructor(
    message: string,
    readonly failure: SyncFailure,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}
