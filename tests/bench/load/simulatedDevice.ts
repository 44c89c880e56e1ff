// One simulated device: signs in over HTTP like the app's sign-in form, then loops — write a
// few entries and push them, pull what its person's other devices wrote since its cursor,
// pause — until the run's deadline or its own request budget, whichever comes first.
import { compareHlc } from '../../../src/domain/hlc';
import { createSyncApi, type SyncApi } from '../../../src/app/sync/createSyncApi';
import type { PullResponse } from '../../../src/domain/sync/protocol';
import { deviceHttp, type DeviceHttp } from './deviceHttp';
import { EntryWriter } from './entryWriter';
import type { LoadStats } from './loadStats';

export interface DeviceAccount {
  readonly email: string;
  readonly password: string;
  /** The person's loopback source address (see deviceHttp). */
  readonly localAddress: string;
}

export interface DeviceLoop {
  /** performance.now() after which no new round starts. */
  readonly deadline: number;
  /** Most push + pull rounds per device. */
  readonly maxRounds: number;
  /** Pause between rounds, drawn uniformly from [min, max] ms. */
  readonly thinkMs: readonly [number, number];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Pages are the app's default size (createSyncApi's limit). */
const PAGE_LIMIT = 500;
/** 1–5 changes per push: what a person writes between two syncs. */
const MAX_CHANGES_PER_PUSH = 5;

function latestStamp(records: PullResponse['records']): string | undefined {
  let latest: string | undefined;
  for (const { record } of records) {
    for (const stamp of Object.values(record.clocks)) if (!latest || compareHlc(stamp, latest) > 0) latest = stamp;
  }
  return latest;
}

export class SimulatedDevice {
  private readonly http: DeviceHttp;
  private readonly api: SyncApi;
  private readonly writer = new EntryWriter();
  private csrfToken: string | null = null;
  private cursor = 0;
  private access: string | undefined;
  /** New entries the server acknowledged: a full pull of this person must find at least these. */
  entriesAcknowledged = 0;
  /** New entries sent at least once: a full pull must find no more than these. */
  entriesSent = 0;
  private unanswered: ReturnType<EntryWriter['nextBatch']> | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly account: DeviceAccount,
    private readonly stats: LoadStats,
  ) {
    this.http = deviceHttp(account.localAddress);
    this.api = createSyncApi({ baseUrl, fetch: this.http.fetch, csrfToken: () => this.csrfToken });
  }

  /** POST /api/auth/sign-in as the app's form does; false (and an error recorded) on failure. */
  async signIn(): Promise<boolean> {
    const answer = await this.stats.time('sign-in', async () => {
      const response = await this.http.fetch(`${this.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: this.account.email, password: this.account.password }),
      });
      if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as { csrfToken: string };
    });
    this.csrfToken = answer?.csrfToken ?? null;
    return this.csrfToken !== null;
  }

  /** Push-then-pull rounds until the deadline or the round budget. */
  async run(loop: DeviceLoop): Promise<void> {
    // Devices start spread over one think time, not all in the same millisecond.
    await sleep(Math.random() * loop.thinkMs[1]);
    for (let round = 0; round < loop.maxRounds && performance.now() < loop.deadline; round += 1) {
      await this.push();
      await this.pull(loop.deadline);
      const [min, max] = loop.thinkMs;
      // Never think past the deadline: the window would then end on idle devices.
      await sleep(Math.min(min + Math.random() * (max - min), Math.max(0, loop.deadline - performance.now())));
    }
  }

  /** Every live record this device's person can see, pulled from cursor 0 (for the final check). */
  async countAllRecords(): Promise<number> {
    let after = 0;
    let count = 0;
    for (;;) {
      const page = await this.api.pull(after, 1000);
      count += page.records.length;
      after = page.cursor;
      if (!page.hasMore) return count;
    }
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Like pushPendingChanges: a batch that got no answer is sent again as is (same batch id). */
  private async push(): Promise<void> {
    const next = this.unanswered ?? this.writer.nextBatch(1 + Math.floor(Math.random() * MAX_CHANGES_PER_PUSH));
    if (!this.unanswered) this.entriesSent += next.newEntries;
    this.unanswered = next;
    const response = await this.stats.time('push', () => this.api.push(next.request));
    if (!response) return;
    this.unanswered = undefined;
    const mutations = next.request.mutations.length;
    if (response.rejected.length === 0) this.entriesAcknowledged += next.newEntries;
    this.writer.observe(response.serverTime, Date.now());
    if (!response.applied) this.stats.replayedBatches += 1;
    this.stats.acceptedMutations += mutations - response.rejected.length;
    this.stats.rejectedMutations += response.rejected.length;
  }

  /** Page by page, like pullRemoteChanges; a page that fails ends this round's pull. */
  private async pull(deadline: number): Promise<void> {
    for (;;) {
      const page = await this.stats.time('pull', () => this.api.pull(this.cursor, PAGE_LIMIT, this.access));
      if (!page) return;
      this.writer.observe(page.serverTime, Date.now(), latestStamp(page.records));
      this.stats.pulledRecords += page.records.length;
      this.cursor = page.cursor;
      if (page.access) this.access = page.access;
      if (!page.hasMore || performance.now() >= deadline) return;
    }
  }
}
