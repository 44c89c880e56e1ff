// RxDB has no server of its own for a custom backend; this is the small endpoint its docs
// describe for replicateRxCollection's push and pull handlers, written the way one would for
// production: documents in better-sqlite3 on disk with the same durability settings as
// Setwise's SQLite store (WAL, synchronous=FULL), a pushed batch in one transaction with
// conflict detection, and pulls ordered by a (updatedAt, id) checkpoint over an index.
import Database from 'better-sqlite3';
import express from 'express';
import { join } from 'node:path';
import { listenOnLoopback, type Listening } from './listen';
import { RXDB_PULL_PATH, RXDB_PUSH_PATH, type RxPullResponse, type RxPushRow, type RxWireEntry } from './rxdbProtocol';

export async function startRxdbServer(siteDir: string, dataDir: string): Promise<Listening> {
  const db = new Database(join(dataDir, 'rxdb.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE documents (id TEXT PRIMARY KEY, updated_at INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX documents_checkpoint ON documents (updated_at, id);
  `);
  const select = db.prepare<[string], { doc: string }>('SELECT doc FROM documents WHERE id = ?');
  const upsert = db.prepare<[string, number, string]>(
    'INSERT INTO documents (id, updated_at, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, doc = excluded.doc',
  );
  const after = db.prepare<[number, number, string, number], { doc: string }>(
    'SELECT doc FROM documents WHERE updated_at > ? OR (updated_at = ? AND id > ?) ORDER BY updated_at, id LIMIT ?',
  );

  // RxDB's rule: a write applies only if the client saw the server's current version;
  // otherwise the server's version goes back as a conflict for the client to resolve.
  const push = db.transaction((rows: readonly RxPushRow[]): RxWireEntry[] => {
    const conflicts: RxWireEntry[] = [];
    for (const { assumedMasterState, newDocumentState } of rows) {
      const stored = select.get(newDocumentState.id);
      const master = stored ? (JSON.parse(stored.doc) as RxWireEntry) : undefined;
      if (master && master.updatedAt !== assumedMasterState?.updatedAt) {
        conflicts.push(master);
        continue;
      }
      upsert.run(newDocumentState.id, newDocumentState.updatedAt, JSON.stringify(newDocumentState));
    }
    return conflicts;
  });

  const app = express();
  app.use(express.static(siteDir));
  app.use(express.json({ limit: '5mb' }));
  app.post(RXDB_PUSH_PATH, (request, response) => {
    response.json(push(request.body as RxPushRow[]));
  });
  app.get(RXDB_PULL_PATH, (request, response) => {
    const updatedAt = Number(request.query.updatedAt ?? -1);
    const id = request.query.id ?? '';
    const limit = Math.min(1_000, Number(request.query.limit ?? 100));
    const documents = after.all(updatedAt, updatedAt, id, limit).map((row) => JSON.parse(row.doc) as RxWireEntry);
    // Nothing new: the client keeps the checkpoint it sent (RxDB's documented behaviour).
    const last = documents.at(-1);
    const given = request.query.id === undefined ? undefined : { id, updatedAt };
    const body: RxPullResponse = { documents, checkpoint: last ? { id: last.id, updatedAt: last.updatedAt } : given };
    response.json(body);
  });

  const listening = await listenOnLoopback(app);
  return {
    origin: listening.origin,
    async close() {
      await listening.close();
      db.close();
    },
  };
}
