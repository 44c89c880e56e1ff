// Server configuration from environment variables. Validated up front so a typo such as
// PORT=80800 stops the server with a clear sentence instead of a stack trace at listen time.
import { resolve } from 'node:path';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type ServerConfig = {
  host: string;
  port: number;
  /** Absolute path where the server keeps its own data (used by sync later). */
  dataDir: string;
  /** Absolute path of the built app (vite build output). */
  staticDir: string;
  logLevel: LogLevel;
  /** PostgreSQL connection string; when unset the server keeps its data in SQLite in dataDir. */
  databaseUrl?: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const PORT_RULE = 'must be a whole number from 0 to 65535';

const EnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, { error: PORT_RULE })
    .transform(Number)
    .refine((port) => port <= 65535, { error: PORT_RULE })
    .default(4780),
  DATA_DIR: z.string().default('./data'),
  STATIC_DIR: z.string().default('./dist'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a PostgreSQL URL (postgres://user:password@host:5432/database)' })
    .optional(),
});

type EnvKey = keyof typeof EnvSchema.shape;

/** Variables whose value may hold a secret: never repeated in an error message. */
const SECRET_KEYS: ReadonlySet<EnvKey> = new Set(['DATABASE_URL']);

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  // Blank values (e.g. `PORT=` in a shell) mean "use the default", not "invalid".
  const raw: Partial<Record<EnvKey, string>> = {};
  for (const key of Object.keys(EnvSchema.shape) as EnvKey[]) {
    const value = env[key]?.trim();
    if (value) raw[key] = value;
  }

  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as EnvKey;
      const shown = SECRET_KEYS.has(key) ? '(hidden)' : JSON.stringify(raw[key] ?? '');
      return `  ${key}=${shown} ${issue.message}`;
    });
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }

  const { HOST, PORT, DATA_DIR, STATIC_DIR, LOG_LEVEL, DATABASE_URL } = parsed.data;
  return {
    host: HOST,
    port: PORT,
    dataDir: resolve(cwd, DATA_DIR),
    staticDir: resolve(cwd, STATIC_DIR),
    logLevel: LOG_LEVEL,
    // Absent rather than undefined, so configs without a database compare as before.
    ...(DATABASE_URL === undefined ? {} : { databaseUrl: DATABASE_URL }),
  };
}
