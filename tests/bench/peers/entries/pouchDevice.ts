// Bench page entry for PouchDB: pouchdb-browser (its default IndexedDB adapter) replicating
// with the express-pouchdb server that serves this page, under /db.
import PouchDB from 'pouchdb-browser';
import { generateDocuments } from '../documents';
import type { BenchPeer, StoredSummary } from '../peerPage';

interface Entry {
  readonly title: string;
  readonly body: string;
  readonly occurredAt: string;
}

// Same batch sizes as Setwise's own (claimPushBatch: 200 rows a push, 500 records a pull
// page), so every peer makes about the same number of round trips.
const PUSH_BATCH = 200;
const PULL_BATCH = 500;
const WRITE_CHUNK = 1_000;
const remote = `${location.origin}/db/bench`; // see POUCH_MOUNT in pouchServer.ts

let db: PouchDB<Entry> | undefined;

function current(): PouchDB<Entry> {
  if (!db) throw new Error('Call write() or open() first.');
  return db;
}

async function stored(local: PouchDB<Entry>): Promise<StoredSummary> {
  const { rows } = await local.allDocs({ include_docs: true });
  const characters = rows.reduce((sum, row) => sum + (row.doc ? row.doc.title.length + row.doc.body.length : 0), 0);
  return { documents: rows.length, characters };
}

const peer: BenchPeer = {
  async write(count, seed) {
    const local = new PouchDB<Entry>('bench-device');
    db = local;
    const documents = generateDocuments(count, seed).map(({ id, ...entry }) => ({ _id: id, ...entry }));
    for (let start = 0; start < documents.length; start += WRITE_CHUNK) {
      const results = await local.bulkDocs(documents.slice(start, start + WRITE_CHUNK));
      const failed = results.find((result) => !result.ok);
      if (failed) throw new Error(`PouchDB refused ${failed.id}: ${failed.error ?? 'unknown error'}`);
    }
    return stored(local);
  },
  async push() {
    const start = performance.now();
    const result = await current().replicate.to(remote, { batch_size: PUSH_BATCH });
    const elapsed = performance.now() - start;
    if (!result.ok || result.doc_write_failures > 0) throw new Error(`PouchDB push failed: ${JSON.stringify(result)}`);
    return elapsed;
  },
  async open() {
    db = new PouchDB<Entry>('bench-device');
    await db.info();
  },
  async pull() {
    const start = performance.now();
    const result = await current().replicate.from(remote, { batch_size: PULL_BATCH });
    const elapsed = performance.now() - start;
    if (!result.ok || result.doc_write_failures > 0) throw new Error(`PouchDB pull failed: ${JSON.stringify(result)}`);
    return elapsed;
  },
  stored: () => stored(current()),
};

window.benchPeer = peer;
