/**
 * A network that holds requests back: a held request does not arrive now (the client sees a
 * failure) but is delivered later, after other traffic — a delayed and reordered request.
 */
export class DelayedRequests {
  private held: { input: RequestInfo | URL; init: RequestInit | undefined; inner: typeof fetch }[] = [];

  /** Holds the next push (only pushes: they are the requests whose order could matter). */
  holdPushes(): (inner: typeof fetch) => typeof fetch {
    return (inner) => async (input, init) => {
      if (String(input).includes('/api/sync/push')) {
        this.held.push({ input, init, inner });
        throw new TypeError('Failed to fetch (request delayed)');
      }
      return inner(input, init);
    };
  }

  /** Delivers everything held, newest first (so they also arrive out of order). */
  async deliver(): Promise<void> {
    const held = this.held.splice(0).reverse();
    for (const request of held) await request.inner(request.input, request.init).catch(() => undefined);
  }
}
