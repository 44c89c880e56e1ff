// Bench page entry for Setwise: the app's own client code (the log entry repository, which
// writes through writeRecordChange, and the sync engine's push and pull) in real Chromium
// IndexedDB, against the real server that serves this page.
import { getDeviceId } from '../../../../src/app/db/deviceClock';
import { createLogEntryRepository } from '../../../../src/app/db/repositories/logEntryRepository';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { createSyncApi, type SyncApi } from '../../../../src/app/sync/createSyncApi';
import { pullRemoteChanges } from '../../../../src/app/sync/pullRemoteChanges';
import { pushPendingChanges } from '../../../../src/app/sync/pushPendingChanges';
import { generateDocuments } from '../documents';
import type { BenchPeer, StoredSummary } from '../peerPage';
import { SETWISE_BENCH_EMAIL, SETWISE_BENCH_PASSWORD } from '../setwiseAccount';

let device: { db: SetwiseDatabase; api: SyncApi } | undefined;

async function openDevice(): Promise<{ db: SetwiseDatabase; api: SyncApi }> {
  const response = await fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: SETWISE_BENCH_EMAIL, password: SETWISE_BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const db = new SetwiseDatabase('setwise-bench');
  await db.open();
  device = { db, api: createSyncApi({ csrfToken: () => csrfToken }) };
  return device;
}

function current(): { db: SetwiseDatabase; api: SyncApi } {
  if (!device) throw new Error('Call write() or open() first.');
  return device;
}

async function stored(db: SetwiseDatabase): Promise<StoredSummary> {
  const entries = await db.logEntries.toArray();
  return { documents: entries.length, characters: entries.reduce((sum, entry) => sum + entry.body.length, 0) };
}

const peer: BenchPeer = {
  async write(count, seed) {
    const { db } = await openDevice();
    const entries = createLogEntryRepository(db);
    // One entry at a time, as a person writes them (setup, not timed).
    for (const document of generateDocuments(count, seed)) {
      // A log entry has no title field: its first line plays that part (entrySummary).
      await entries.create({ occurredAt: document.occurredAt, body: `${document.title}\n\n${document.body}` });
    }
    return stored(db);
  },
  async push() {
    const { db, api } = current();
    const deviceId = await getDeviceId(db);
    const pending = await db.outbox.count();
    const start = performance.now();
    const acknowledged = await pushPendingChanges(db, api, deviceId);
    const elapsed = performance.now() - start;
    if (acknowledged !== pending) throw new Error(`The server acknowledged ${acknowledged} of ${pending} changes.`);
    return elapsed;
  },
  async open() {
    await openDevice();
  },
  async pull() {
    const { db, api } = current();
    const start = performance.now();
    await pullRemoteChanges(db, api);
    return performance.now() - start;
  },
  stored: () => stored(current().db),
};

window.benchPeer = peer;
