// The database schema as numbered migrations, shared by both adapters. Each runs once, in
// order, in its own transaction, and is recorded in `schema_migrations` (which the adapters
// create themselves before anything else).
//
// Rules for adding one:
// - Append only; never edit or renumber a migration that has shipped (adapters refuse to
//   start when a recorded name differs from the one here, which catches that mistake).
// - Additive only (new tables, columns with defaults, indexes): several server processes of
//   different versions may share one PostgreSQL database during an upgrade, so an older
//   process must keep working on a newer schema.
// - Give both dialects. SQLite tables are STRICT so a wrong type fails instead of being kept.
//
// Time columns: SQLite keeps `Date.toISOString()` text (UTC, fixed width, so text order is
// time order); PostgreSQL keeps timestamptz. Adapters convert both ways.

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, meta, applied batches, blobs',
    // The epoch (32 random hex digits) is made here, once per database: a server restored
    // from scratch gets a new one and clients know to resync.
    sqlite: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      INSERT INTO meta (key, value) VALUES ('epoch', lower(hex(randomblob(16))));
      CREATE TABLE records (
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        owner TEXT NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc)),
        seq INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (table_name, id)
      ) STRICT;
      CREATE INDEX records_owner_seq ON records (owner, seq);
      CREATE TABLE applied_batches (
        user_id TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (user_id, batch_id)
      ) STRICT;
      CREATE TABLE blobs (
        owner TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (owner, sha256)
      ) STRICT;
    `,
    // seq comes from a sequence; writers hold an advisory lock while allocating and committing
    // (see postgresStore.ts), so seqs become visible in allocation order.
    postgres: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      INSERT INTO meta (key, value) VALUES ('epoch', replace(gen_random_uuid()::text, '-', ''));
      CREATE SEQUENCE record_seq AS bigint;
      CREATE TABLE records (
        table_name text NOT NULL,
        id text NOT NULL,
        owner text NOT NULL,
        doc jsonb NOT NULL,
        seq bigint NOT NULL UNIQUE,
        PRIMARY KEY (table_name, id)
      );
      CREATE INDEX records_owner_seq ON records (owner, seq);
      CREATE TABLE applied_batches (
        user_id text NOT NULL,
        batch_id text NOT NULL,
        applied_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, batch_id)
      );
      CREATE TABLE blobs (
        owner text NOT NULL,
        sha256 text NOT NULL,
        mime_type text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (owner, sha256)
      );
    `,
  },
  {
    version: 2,
    name: 'users, sessions, login attempts',
    // Emails are stored lower-cased by the adapters, so a plain UNIQUE is case-insensitive.
    // A session dies with its user. login_attempts has no key: it is only ever counted.
    sqlite: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE TABLE login_attempts (key TEXT NOT NULL, attempted_at TEXT NOT NULL) STRICT;
      CREATE INDEX login_attempts_key_time ON login_attempts (key, attempted_at);
    `,
    postgres: `
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        roles jsonb NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT users_email_key UNIQUE (email)
      );
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE TABLE login_attempts (key text NOT NULL, attempted_at timestamptz NOT NULL);
      CREATE INDEX login_attempts_key_time ON login_attempts (key, attempted_at);
    `,
  },
  {
    version: 3,
    name: 'record audiences, revocations, invitations',
    // Sharing (docs/decisions/009): each record's readers as audience tokens, indexed by
    // (token, seq) for pulls. A token taken away from a record leaves a revocation row (seq
    // from the same counter as records) so that devices which held the record drop it.
    // Existing records get their owner's token and, for the four shareable tables, the tokens
    // their visibility asks for; child records get their index tokens.
    sqlite: `
      CREATE TABLE record_audience (
        token TEXT NOT NULL,
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (table_name, id, token)
      ) STRICT;
      CREATE INDEX record_audience_token_seq ON record_audience (token, seq);
      INSERT INTO record_audience (token, table_name, id, seq) SELECT 'user:' || owner, table_name, id, seq FROM records;
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'share-set:' || owner, table_name, id, seq FROM records
        WHERE table_name IN ('logEntries', 'challenges', 'trials', 'measures')
          AND json_extract(doc, '$.visibility') IN ('set', 'set_and_coach');
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'share-coach:' || owner, table_name, id, seq FROM records
        WHERE table_name IN ('logEntries', 'challenges', 'trials', 'measures')
          AND json_extract(doc, '$.visibility') IN ('coach', 'set_and_coach');
      INSERT OR IGNORE INTO record_audience (token, table_name, id, seq)
        SELECT 'about:challenges:' || json_extract(doc, '$.challengeId'), table_name, id, seq FROM records
        WHERE table_name = 'challengeRevisions' AND json_extract(doc, '$.challengeId') IS NOT NULL;
      INSERT OR IGNORE INTO record_audience (token, table_name, id, seq)
        SELECT 'about:measures:' || json_extract(doc, '$.measureId'), table_name, id, seq FROM records
        WHERE table_name = 'readings' AND json_extract(doc, '$.measureId') IS NOT NULL;
      INSERT OR IGNORE INTO record_audience (token, table_name, id, seq)
        SELECT 'about:logEntries:' || json_extract(doc, '$.entryId'), table_name, id, seq FROM records
        WHERE table_name = 'photos' AND json_extract(doc, '$.entryId') IS NOT NULL;
      INSERT OR IGNORE INTO record_audience (token, table_name, id, seq)
        SELECT 'blob:' || json_extract(doc, '$.sha256'), table_name, id, seq FROM records
        WHERE table_name = 'photos' AND json_extract(doc, '$.sha256') IS NOT NULL;
      CREATE TABLE revocations (
        seq INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        token TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revocations_token_seq ON revocations (token, seq);
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        cohort_id TEXT NOT NULL,
        role TEXT NOT NULL,
        set_id TEXT,
        coachee_id TEXT,
        display_name TEXT NOT NULL,
        email TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT,
        cancelled_at TEXT
      ) STRICT;
      CREATE INDEX invitations_cohort ON invitations (cohort_id, created_at);
    `,
    postgres: `
      CREATE TABLE record_audience (
        token text NOT NULL,
        table_name text NOT NULL,
        id text NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (table_name, id, token)
      );
      CREATE INDEX record_audience_token_seq ON record_audience (token, seq);
      INSERT INTO record_audience (token, table_name, id, seq) SELECT 'user:' || owner, table_name, id, seq FROM records;
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'share-set:' || owner, table_name, id, seq FROM records
        WHERE table_name IN ('logEntries', 'challenges', 'trials', 'measures') AND doc->>'visibility' IN ('set', 'set_and_coach');
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'share-coach:' || owner, table_name, id, seq FROM records
        WHERE table_name IN ('logEntries', 'challenges', 'trials', 'measures') AND doc->>'visibility' IN ('coach', 'set_and_coach');
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'about:challenges:' || (doc->>'challengeId'), table_name, id, seq FROM records
        WHERE table_name = 'challengeRevisions' AND doc->>'challengeId' IS NOT NULL ON CONFLICT DO NOTHING;
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'about:measures:' || (doc->>'measureId'), table_name, id, seq FROM records
        WHERE table_name = 'readings' AND doc->>'measureId' IS NOT NULL ON CONFLICT DO NOTHING;
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'about:logEntries:' || (doc->>'entryId'), table_name, id, seq FROM records
        WHERE table_name = 'photos' AND doc->>'entryId' IS NOT NULL ON CONFLICT DO NOTHING;
      INSERT INTO record_audience (token, table_name, id, seq)
        SELECT 'blob:' || (doc->>'sha256'), table_name, id, seq FROM records
        WHERE table_name = 'photos' AND doc->>'sha256' IS NOT NULL ON CONFLICT DO NOTHING;
      CREATE TABLE revocations (
        seq bigint PRIMARY KEY,
        table_name text NOT NULL,
        id text NOT NULL,
        token text NOT NULL
      );
      CREATE INDEX revocations_token_seq ON revocations (token, seq);
      CREATE TABLE invitations (
        id text PRIMARY KEY,
        code_hash text NOT NULL UNIQUE,
        cohort_id text NOT NULL,
        role text NOT NULL,
        set_id text,
        coachee_id text,
        display_name text NOT NULL,
        email text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by text,
        cancelled_at timestamptz
      );
      CREATE INDEX invitations_cohort ON invitations (cohort_id, created_at);
    `,
  },
];

export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * The migrations still to run, given what `schema_migrations` holds (version → name), up to
 * `targetVersion` (default: latest). Throws when the database's history disagrees with this
 * list, rather than guessing: a renamed migration means the code and database have diverged.
 * A database migrated by a newer release (versions unknown here) is accepted, because
 * migrations are additive.
 */
export function pendingMigrations(applied: ReadonlyMap<number, string>, targetVersion = LATEST_VERSION): Migration[] {
  if (!Number.isInteger(targetVersion) || targetVersion < 0 || targetVersion > LATEST_VERSION) {
    throw new Error(`Unknown migration target ${targetVersion}: versions go from 1 to ${LATEST_VERSION}.`);
  }
  for (const migration of MIGRATIONS) {
    const recorded = applied.get(migration.version);
    if (recorded !== undefined && recorded !== migration.name) {
      throw new Error(
        `Migration ${migration.version} in the database is "${recorded}" but this server calls it ` +
          `"${migration.name}": the database was migrated by incompatible code.`,
      );
    }
  }
  return MIGRATIONS.filter((m) => m.version <= targetVersion && !applied.has(m.version));
}

// Sanity check at load: versions are 1, 2, 3, … with no gaps, so "run in order" is well defined.
MIGRATIONS.forEach((migration, index) => {
  if (migration.version !== index + 1) throw new Error(`Migration versions must be 1..n; found ${migration.version}`);
});
