import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One runner for every suite. `npm test` runs all projects; CI fails if any cannot run.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/unitSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The Store against real SQLite and PostgreSQL (TEST_DATABASE_URL, default
          // postgres://postgres@127.0.0.1:5432/test); fails, never skips, without PostgreSQL.
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          // Files share one PostgreSQL server; one at a time keeps timings (and locks) calm.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // The real client sync code (fake-indexeddb) against the real server, in-process.
          name: 'sync',
          environment: 'node',
          include: ['tests/sync/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
