// Bench page entry for RxDB 17: the Dexie storage (IndexedDB) and the generic replication
// plugin, whose push and pull handlers call the small endpoint in rxdbServer.ts. Production
// build: the dev-mode plugin (schema checks, extra validation) is not added.
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { generateDocuments } from '../documents';
import type { BenchPeer, StoredSummary } from '../peerPage';
import { RXDB_PULL_PATH, RXDB_PUSH_PATH, type RxCheckpoint, type RxEntry, type RxPullResponse, type RxPushRow, type RxWireEntry } from '../rxdbProtocol';

// Same batch sizes as Setwise's own (200 rows a push, 500 records a pull page).
const PUSH_BATCH = 200;
const PULL_BATCH = 500;

const schema: RxJsonSchema<RxEntry> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    title: { type: 'string' },
    body: { type: 'string' },
    occurredAt: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'title', 'body', 'occurredAt', 'updatedAt'],
};

let collection: RxCollection<RxEntry> | undefined;

async function openCollection(): Promise<RxCollection<RxEntry>> {
  // One tab per device here, so no cross-tab broadcast or leader election is needed.
  const database = await createRxDatabase({ name: 'benchdevice', storage: getRxStorageDexie(), multiInstance: false });
  const collections = await database.addCollections({ entries: { schema } });
  collection = collections.entries as RxCollection<RxEntry>;
  return collection;
}

function current(): RxCollection<RxEntry> {
  if (!collection) throw new Error('Call write() or open() first.');
  return collection;
}

async function stored(entries: RxCollection<RxEntry>): Promise<StoredSummary> {
  const documents = await entries.find().exec();
  const characters = documents.reduce((sum, document) => sum + document.title.length + document.body.length, 0);
  return { documents: documents.length, characters };
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Runs a one-off (live: false) replication to its end. RxDB retries failed handlers quietly,
 * so the first error fails the run instead of leaving it to hang.
 */
async function replicateOnce(options: Omit<Parameters<typeof replicateRxCollection<RxEntry, RxCheckpoint>>[0], 'collection' | 'replicationIdentifier'>): Promise<void> {
  const state = replicateRxCollection<RxEntry, RxCheckpoint>({
    ...options,
    collection: current(),
    replicationIdentifier: `bench-${location.origin}`,
    live: false,
    waitForLeadership: false,
  });
  const failed = new Promise<never>((_resolve, reject) => {
    state.error$.subscribe((error) => reject(error));
  });
  try {
    await Promise.race([state.awaitInitialReplication(), failed]);
  } finally {
    await state.cancel();
  }
}

const peer: BenchPeer = {
  async write(count, seed) {
    const entries = await openCollection();
    const now = Date.now();
    const documents = generateDocuments(count, seed).map((document, index) => ({ ...document, updatedAt: now + index }));
    const result = await entries.bulkInsert(documents);
    if (result.error.length > 0) throw new Error(`RxDB refused ${result.error.length} documents.`);
    return stored(entries);
  },
  async push() {
    const start = performance.now();
    await replicateOnce({
      push: { batchSize: PUSH_BATCH, handler: (rows) => postJson<RxWireEntry[]>(RXDB_PUSH_PATH, rows satisfies RxPushRow[]) },
    });
    return performance.now() - start;
  },
  async open() {
    await openCollection();
  },
  async pull() {
    const start = performance.now();
    await replicateOnce({
      pull: {
        batchSize: PULL_BATCH,
        handler: async (checkpoint, batchSize) => {
          const after = checkpoint ? `&updatedAt=${checkpoint.updatedAt}&id=${encodeURIComponent(checkpoint.id)}` : '';
          const response = await fetch(`${RXDB_PULL_PATH}?limit=${batchSize}${after}`);
          if (!response.ok) throw new Error(`${RXDB_PULL_PATH} answered ${response.status}`);
          return (await response.json()) as RxPullResponse;
        },
      },
    });
    return performance.now() - start;
  },
  stored: () => stored(current()),
};

window.benchPeer = peer;
