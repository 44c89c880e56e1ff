// What the RxDB bench page and its small endpoint (rxdbServer.ts) say to each other: RxDB's
// documented push/pull replication protocol, with a checkpoint of (updatedAt, id).

export const RXDB_PUSH_PATH = '/rxdb/push';
export const RXDB_PULL_PATH = '/rxdb/pull';

/** A bench document as RxDB stores it: `updatedAt` (ms) is what the pull checkpoint orders by. */
export interface RxEntry {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly occurredAt: string;
  readonly updatedAt: number;
}

export type RxWireEntry = RxEntry & { readonly _deleted: boolean };

export interface RxCheckpoint {
  readonly id: string;
  readonly updatedAt: number;
}

/** One pushed change; a conflict when the server's copy is not the one the client assumed. */
export interface RxPushRow {
  readonly assumedMasterState?: RxWireEntry;
  readonly newDocumentState: RxWireEntry;
}

export interface RxPullResponse {
  readonly documents: RxWireEntry[];
  readonly checkpoint: RxCheckpoint | undefined;
}
