// Many records read or written in a few statements on PostgreSQL (decision 015). A push of
// 500 records with one round trip per record read and one per record written spent most of
// its time waiting on the network; here each step is one statement over arrays (unnest).
//
// Runs only inside Store.transaction, after the writer lock: nobody else writes records
// meanwhile, so what is read here stays true until the writes below, and seqs allocated here
// commit in allocation order (postgresStore.ts, transaction()).
import type pg from 'pg';
import {
  encodeJson,
  int,
  normaliseAudience,
  recordKey,
  removedReaderTokens,
  sortedTokens,
  syncTable,
  text,
  toStoredRecord,
  uniqueKeys,
} from './codec';
import type { RecordKey, RecordWithAudience, RecordWrite } from './Store';

/** Records among `keys` with their audiences: one statement. */
export async function readRecordsWithAudience(client: pg.PoolClient, keys: readonly RecordKey[]): Promise<RecordWithAudience[]> {
  const unique = uniqueKeys(keys);
  const [first] = unique;
  if (!first) return [];
  const audience = 'ARRAY(SELECT a.token FROM record_audience a WHERE a.table_name = r.table_name AND a.id = r.id) AS audience';
  // One key (most pushes are a record or two): plain equality plans faster than a join over
  // unnest, and a small push should cost no more than before batching.
  const result =
    unique.length === 1
      ? await client.query<Record<string, unknown>>(
          `SELECT r.table_name, r.id, r.owner, r.doc, r.seq, ${audience} FROM records r WHERE r.table_name = $1 AND r.id = $2`,
          [first.table, first.id],
        )
      : await client.query<Record<string, unknown>>(
          `SELECT r.table_name, r.id, r.owner, r.doc, r.seq, ${audience}
           FROM unnest($1::text[], $2::text[]) AS k(table_name, id)
           JOIN records r ON r.table_name = k.table_name AND r.id = k.id`,
          [unique.map((key) => key.table), unique.map((key) => key.id)],
        );
  return result.rows.map((row) => ({ ...toStoredRecord(row), audience: sortedTokens(tokenArray(row.audience)) }));
}

function tokenArray(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((token) => typeof token === 'string')) throw new Error('Column audience should be a text array');
  return value;
}

/** One write as planned: its place in the seq order, and the tokens it takes away (each a revocation with its own place). */
interface PlannedWrite {
  readonly write: RecordWrite;
  readonly json: string;
  readonly tokens: readonly string[];
  readonly at: number;
  readonly revoked: readonly { readonly token: string; readonly at: number }[];
}

/**
 * The same as putRecord for each write in turn (see StoreTransaction.putRecords), in two
 * statements: the audience each record has now is read; the writes are played through it in
 * order (in memory) to find each one's revocations and its place in the seq order; then one
 * statement allocates the seqs and writes records, audiences and revocations.
 */
export async function writeRecords(client: pg.PoolClient, writes: readonly RecordWrite[]): Promise<number[]> {
  if (writes.length === 0) return [];
  const audiences = await currentAudiences(client, uniqueKeys(writes));
  // Positions in the seq order, from 1: each write, then the revocations it causes.
  let position = 0;
  const planned = writes.map((write): PlannedWrite => {
    // Encoded in order, so the first unstorable doc is the one named, as one by one.
    const json = encodeJson(write.doc, `${write.table} ${write.id}`);
    const tokens = normaliseAudience(write.owner, write.audience);
    const key = recordKey(write);
    const revoked = removedReaderTokens(sortedTokens(audiences.get(key) ?? []), tokens);
    audiences.set(key, tokens);
    const at = ++position;
    return { write, json, tokens, at, revoked: revoked.map((token) => ({ token, at: ++position })) };
  });
  // A record written twice ends as its last write left it (and an upsert may not touch one
  // row twice in a statement): only each record's last write reaches records and audiences.
  const finals = [...new Map(planned.map((plan) => [recordKey(plan.write), plan])).values()];
  const tokenRows = finals.flatMap((plan) => plan.tokens.map((token) => ({ token, plan })));
  const revocations = planned.flatMap((plan) => plan.revoked.map((revocation) => ({ ...revocation, plan })));

  // `seqs` numbers `position` new seqs 1.. in ascending order (a WITH query with nextval is
  // evaluated once, however often it is referred to). Under the writer lock they are above
  // every committed seq and commit in order. `gone` deletes the audience rows the last write
  // does not keep and `kept` upserts the ones it does: disjoint rows, as in putRecord.
  const result = await client.query<Record<string, unknown>>(
    `WITH seqs AS (
       SELECT seq, row_number() OVER (ORDER BY seq) AS at
       FROM (SELECT nextval('record_seq') AS seq FROM generate_series(1, $1::int)) AS allocated
     ), written AS (
       SELECT w.table_name, w.id, w.owner, w.doc::jsonb AS doc, s.seq
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS w(table_name, id, owner, doc, at)
       JOIN seqs s ON s.at = w.at
     ), rec AS (
       INSERT INTO records (table_name, id, owner, doc, seq) SELECT table_name, id, owner, doc, seq FROM written
       ON CONFLICT (table_name, id) DO UPDATE SET owner = EXCLUDED.owner, doc = EXCLUDED.doc, seq = EXCLUDED.seq
     ), tokens AS (
       SELECT t.token, t.table_name, t.id, s.seq
       FROM unnest($7::text[], $8::text[], $9::text[], $10::int[]) AS t(token, table_name, id, at)
       JOIN seqs s ON s.at = t.at
     ), gone AS (
       DELETE FROM record_audience a USING unnest($2::text[], $3::text[]) AS k(table_name, id)
       WHERE a.table_name = k.table_name AND a.id = k.id
         AND NOT EXISTS (SELECT 1 FROM tokens t WHERE t.table_name = a.table_name AND t.id = a.id AND t.token = a.token)
     ), kept AS (
       INSERT INTO record_audience (token, table_name, id, seq) SELECT token, table_name, id, seq FROM tokens
       ON CONFLICT (table_name, id, token) DO UPDATE SET seq = EXCLUDED.seq
     ), revoked AS (
       INSERT INTO revocations (seq, table_name, id, token)
       SELECT s.seq, v.table_name, v.id, v.token
       FROM unnest($11::text[], $12::text[], $13::text[], $14::int[]) AS v(table_name, id, token, at)
       JOIN seqs s ON s.at = v.at
     )
     SELECT seq FROM seqs ORDER BY at`,
    [
      position,
      finals.map((plan) => plan.write.table),
      finals.map((plan) => plan.write.id),
      finals.map((plan) => plan.write.owner),
      finals.map((plan) => plan.json),
      finals.map((plan) => plan.at),
      tokenRows.map((row) => row.token),
      tokenRows.map((row) => row.plan.write.table),
      tokenRows.map((row) => row.plan.write.id),
      tokenRows.map((row) => row.plan.at),
      revocations.map((row) => row.plan.write.table),
      revocations.map((row) => row.plan.write.id),
      revocations.map((row) => row.token),
      revocations.map((row) => row.at),
    ],
  );
  const seqs = result.rows.map((row) => int(row, 'seq'));
  return planned.map((plan) => {
    const seq = seqs[plan.at - 1];
    if (seq === undefined || seqs.length !== position) throw new Error(`Allocated ${seqs.length} seqs for ${position} writes and revocations.`);
    return seq;
  });
}

/** The audience tokens each of these records has now (records with none are absent). */
async function currentAudiences(client: pg.PoolClient, keys: readonly RecordKey[]): Promise<Map<string, string[]>> {
  const result = await client.query<Record<string, unknown>>(
    `SELECT a.table_name, a.id, a.token FROM unnest($1::text[], $2::text[]) AS k(table_name, id)
     JOIN record_audience a ON a.table_name = k.table_name AND a.id = k.id`,
    [keys.map((key) => key.table), keys.map((key) => key.id)],
  );
  const audiences = new Map<string, string[]>();
  for (const row of result.rows) {
    const key = recordKey({ table: syncTable(text(row, 'table_name')), id: text(row, 'id') });
    const tokens = audiences.get(key);
    if (tokens) tokens.push(text(row, 'token'));
    else audiences.set(key, [text(row, 'token')]);
  }
  return audiences;
}
