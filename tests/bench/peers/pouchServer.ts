// PouchDB's server side: express-pouchdb (PouchDB's own CouchDB-compatible HTTP layer, an
// express app) over pouchdb-node, whose databases are LevelDB directories on disk in dataDir.
// The same server serves the page, so replication is same-origin.
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import { listenOnLoopback, type Listening } from './listen';

export const POUCH_MOUNT = '/db';

export async function startPouchServer(siteDir: string, dataDir: string): Promise<Listening> {
  const pouch = expressPouchDB(PouchDB.defaults({ prefix: `${dataDir}/` }), {
    // Only the CouchDB routes replication needs: no config or log files, no Fauxton.
    mode: 'minimumForPouchDB',
    // Setwise's server does not compress responses either; over loopback gzip is pure cost.
    overrideMode: { exclude: ['compression'] },
  });
  const page = express.static(siteDir);
  // Plain Node dispatch rather than mounting express-pouchdb in an express 5 app: express 5
  // would replace the request's prototype and express-pouchdb (express 4) loses req.query.
  return listenOnLoopback((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith(`${POUCH_MOUNT}/`)) {
      request.url = url.slice(POUCH_MOUNT.length);
      pouch(request, response, (error) => {
        response.statusCode = error ? 500 : 404;
        response.end();
      });
    } else {
      page(request, response, () => {
        response.statusCode = 404;
        response.end();
      });
    }
  });
}
