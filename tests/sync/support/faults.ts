/** Transports that misbehave the way school Wi-Fi does, for the sync tests. */

/** The request never reaches the server. */
export function dropRequests(): (inner: typeof fetch) => typeof fetch {
  return () => async () => {
    throw new TypeError('Failed to fetch (request dropped)');
  };
}

/** The server does the work, but the answer is lost on the way back. */
export function dropResponses(): (inner: typeof fetch) => typeof fetch {
  return (inner) => async (input, init) => {
    await inner(input, init);
    throw new TypeError('Failed to fetch (response dropped)');
  };
}

/** Every request arrives twice (a proxy retrying); the client sees the second answer. */
export function duplicateRequests(): (inner: typeof fetch) => typeof fetch {
  return (inner) => async (input, init) => {
    await inner(input, init);
    return inner(input, init);
  };
}
