// A write-behind cache of records over one StoreTransaction, so that applying a push costs a
// few statements rather than a few per record (decision 015). The push's rules and merges run
// unchanged on top of it, on either adapter: this only changes when reads and writes reach
// the database, never what they return or leave behind.
//
// Invariants:
// - `known` holds, for every record read or written through the buffer, the state it has in
//   the transaction once pending writes are flushed (undefined: no such record). A record
//   written here is always in `known`, so its pending write is never bypassed by a read.
// - A record not written here keeps the state it was read with: the buffer is used inside
//   Store.transaction, whose writer lock keeps every other writer out, and nothing else in
//   the transaction writes records while a buffer is in use. So cached reads stay true, and
//   a record missing from `known` can be read from the database at any time.
// - A read that is not by key (findRecordsByToken) flushes first and waits for every flush
//   under way, so the database answers with every write made so far applied.
// - Pending writes reach the store in the order they were made, through putRecords, which
//   gives the same seqs, audiences and revocations as putRecord one by one.
import { assertStorable, normaliseAudience, recordKey, sortedTokens } from './codec';
import type { RecordKey, RecordWrite, StoredRecord, StoreTransaction } from './Store';

/** A record as the transaction holds it (its seq is only known once its write is flushed). */
export type CurrentRecord = Pick<StoredRecord, 'table' | 'id' | 'owner' | 'doc'>;

interface Known {
  readonly record: CurrentRecord | undefined;
  /** Sorted; [] when there is no record. */
  readonly audience: readonly string[];
  /** The doc is the object handed to putRecord: give a JSON copy when it is read, as the database would. */
  readonly asWritten?: true;
}

export class RecordWriteBuffer {
  private readonly known = new Map<string, Known>();
  private pending: RecordWrite[] = [];
  /** The last flush handed to the store; later flushes and token reads wait for it. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly tx: StoreTransaction) {}

  /** Reads every record of `keys` not known yet, in one call: later reads of them cost nothing. */
  async prefetch(keys: readonly RecordKey[]): Promise<void> {
    const missing = keys.filter((key) => !this.known.has(recordKey(key)));
    if (missing.length === 0) return;
    const found = await this.tx.getRecordsWithAudience(missing);
    for (const key of missing) this.known.set(recordKey(key), { record: undefined, audience: [] });
    for (const record of found) {
      this.known.set(recordKey(record), {
        record: { table: record.table, id: record.id, owner: record.owner, doc: record.doc },
        audience: sortedTokens(record.audience),
      });
    }
  }

  /** The record (its doc is shared with the cache: read it, never change it). */
  async getRecord(key: RecordKey): Promise<CurrentRecord | undefined> {
    return (await this.load(key)).record;
  }

  /** The record's audience tokens, sorted ([] when there is no such record). */
  async getAudience(key: RecordKey): Promise<string[]> {
    return [...(await this.load(key)).audience];
  }

  /**
   * putRecord, deferred until the next flush. The doc is checked now (UnstorableJsonError), so
   * a push fails on the same record as it would writing at once. It is written as it is at
   * flush, so it must not be changed after this call. A later read in this push gets a JSON
   * copy of it, as a read from the database would; most records are never read again after
   * being written, so the copy is only made when one is.
   */
  putRecord(key: RecordKey, owner: string, doc: Record<string, unknown>, audience?: readonly string[]): void {
    assertStorable(doc, `${key.table} ${key.id}`);
    const tokens = normaliseAudience(owner, audience);
    this.pending.push({ table: key.table, id: key.id, owner, doc, audience: tokens });
    this.known.set(recordKey(key), { record: { table: key.table, id: key.id, owner, doc }, audience: sortedTokens(tokens), asWritten: true });
  }

  /** Records carrying `token`, with every pending write applied first. */
  async findRecordsByToken(token: string, table?: RecordKey['table']): Promise<StoredRecord[]> {
    await this.flush();
    return this.tx.findRecordsByToken(token, table);
  }

  /**
   * Writes what is pending, in order; resolves once every write handed over so far (by this
   * call or an earlier one still under way) is in the database. Call before the transaction's
   * callback returns. Flushes are chained: reads made side by side (loadAccess runs two at
   * once) must each wait for the one flush, not find nothing pending and read too early.
   */
  flush(): Promise<void> {
    if (this.pending.length > 0) {
      const writes = this.pending;
      this.pending = [];
      this.flushing = this.flushing.then(async () => {
        await this.tx.putRecords(writes);
      });
    }
    return this.flushing;
  }

  private async load(key: RecordKey): Promise<Known> {
    await this.prefetch([key]);
    const known = this.known.get(recordKey(key));
    if (!known) throw new Error(`${recordKey(key)} was read but is not known: the buffer's invariant is broken.`);
    if (!known.asWritten || !known.record) return known;
    const doc = JSON.parse(JSON.stringify(known.record.doc)) as Record<string, unknown>;
    const read: Known = { record: { ...known.record, doc }, audience: known.audience };
    this.known.set(recordKey(key), read);
    return read;
  }
}
