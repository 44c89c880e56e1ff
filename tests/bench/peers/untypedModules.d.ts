// Just enough types for the peers' packages that ship none (pouchdb-*, express-pouchdb,
// express 5), so the bench stays strict without pulling in @types packages for bench-only code.

declare module 'pouchdb-browser' {
  export interface ReplicationResult {
    readonly ok: boolean;
    readonly docs_written: number;
    readonly doc_write_failures: number;
  }
  export interface ReplicateOptions {
    readonly batch_size?: number;
    readonly batches_limit?: number;
  }
  export interface BulkResult {
    readonly id: string;
    readonly ok?: boolean;
    readonly error?: string;
  }
  export default class PouchDB<Content extends object> {
    constructor(name: string);
    bulkDocs(docs: ReadonlyArray<Content & { _id: string }>): Promise<BulkResult[]>;
    allDocs(options: { include_docs: true }): Promise<{ rows: ReadonlyArray<{ id: string; doc?: Content & { _id: string } }> }>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
    readonly replicate: {
      // The real return value is an event emitter that is also a promise of the result.
      to(target: string, options?: ReplicateOptions): Promise<ReplicationResult>;
      from(source: string, options?: ReplicateOptions): Promise<ReplicationResult>;
    };
  }
}

declare module 'pouchdb-node' {
  export interface PouchDBConstructor {
    /** A constructor whose databases live under `prefix` (a directory path ending in "/"). */
    defaults(options: { prefix: string }): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  import type { PouchDBConstructor } from 'pouchdb-node';
  export interface ExpressPouchDBOptions {
    readonly mode?: 'minimumForPouchDB' | 'fullCouchDB' | 'custom';
    readonly overrideMode?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
    readonly inMemoryConfig?: boolean;
  }
  export type PouchApp = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
  export default function expressPouchDB(PouchDB: PouchDBConstructor, options?: ExpressPouchDBOptions): PouchApp;
}

declare module 'express' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export interface Request extends IncomingMessage {
    readonly body: unknown;
    readonly query: Readonly<Record<string, string | undefined>>;
  }
  export interface Response extends ServerResponse {
    json(body: unknown): this;
    status(code: number): this;
  }
  export type Handler = (request: Request, response: Response, next: (error?: unknown) => void) => void;
  /** Also a plain Node request listener, as http.createServer takes it. */
  export interface Application {
    (request: IncomingMessage, response: ServerResponse): void;
    use(handler: Handler): this;
    use(path: string, handler: Handler): this;
    get(path: string, handler: Handler): this;
    post(path: string, handler: Handler): this;
  }
  interface Express {
    (): Application;
    /** serve-static: works on plain Node requests too. */
    static(root: string): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
    json(options?: { limit?: string }): Handler;
  }
  const express: Express;
  export default express;
}
