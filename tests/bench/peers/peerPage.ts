// The contract between a bench page and the Node-side driver (runPeerOnce): every peer's
// bundled entry puts one `window.benchPeer` on its page, so one driver times all three the
// same way. The page's own clock times push and pull, so the DevTools round trip is left out;
// checking what arrived is a separate call, so it is not in anyone's time.

export interface StoredSummary {
  /** Documents stored on this device. */
  readonly documents: number;
  /** Characters of content stored: the same on both devices if what arrived is what was written. */
  readonly characters: number;
}

export interface BenchPeer {
  /** Device A: sign in if needed, open a fresh local database and write the documents (not timed). */
  write(count: number, seed: number): Promise<StoredSummary>;
  /** Device A: send everything to the server. Resolves with the time taken, in ms. */
  push(): Promise<number>;
  /** Device B: sign in if needed and open an empty local database (not timed). */
  open(): Promise<void>;
  /** Device B: receive everything from the server into its database. Resolves with the time taken. */
  pull(): Promise<number>;
  /** What this device holds now. */
  stored(): Promise<StoredSummary>;
}

declare global {
  interface Window {
    benchPeer?: BenchPeer;
  }
}
