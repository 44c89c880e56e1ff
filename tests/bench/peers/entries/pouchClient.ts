// Size entry (never run): PouchDB for the browser is one package — local database,
// IndexedDB adapter, HTTP adapter and replication together.
export { default } from 'pouchdb-browser';
