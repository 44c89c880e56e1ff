// The admin command line, run for real with tsx against a temp DATA_DIR (SQLite).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/server/auth/password';
import type { User } from '../../../src/server/storage/Store';
import { openTestStore } from './support/testStore';

const ADMIN = fileURLToPath(new URL('../../../src/server/admin.ts', import.meta.url));

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'setwise-admin-test-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

function admin(args: string[], stdin = ''): Promise<Run> {
  // DATABASE_URL is removed so a developer's own PostgreSQL is never touched by the tests.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', ADMIN, ...args], {
    env: { ...env, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

async function findUser(email: string): Promise<User | undefined> {
  const store = await openTestStore(dataDir);
  try {
    return await store.findUserByEmail(email);
  } finally {
    await store.close();
  }
}

const PRIYA = ['create-user', '--email', 'Priya@Oakfield.sch.uk', '--name', 'Priya Shah', '--role', 'participant'];

describe('npm run admin -- create-user', () => {
  it('creates a user with the password from stdin', async () => {
    const run = await admin([...PRIYA, '--role', 'facilitator', '--password-stdin'], 'a long password here\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created Priya Shah <priya@oakfield.sch.uk> (participant, facilitator).');
    expect(run.stdout).not.toContain('a long password here');

    const user = await findUser('priya@oakfield.sch.uk');
    expect(user).toMatchObject({ displayName: 'Priya Shah', roles: ['participant', 'facilitator'] });
    expect(await verifyPassword('a long password here', user?.passwordHash ?? '')).toBe(true);
  }, 30_000);

  it('makes a strong password and prints it once when none is given', async () => {
    const run = await admin(PRIYA);
    expect(run.code).toBe(0);
    const password = /Password: (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = await findUser('priya@oakfield.sch.uk');
    expect(await verifyPassword(password, user?.passwordHash ?? '')).toBe(true);
  }, 30_000);

  it('refuses a duplicate email, whatever its case', async () => {
    expect((await admin(PRIYA)).code).toBe(0);
    const again = await admin(['create-user', '--email', 'priya@OAKFIELD.sch.uk', '--name', 'P. Shah', '--role', 'coach']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is already a user with the email priya@oakfield.sch.uk.');
    expect((await findUser('priya@oakfield.sch.uk'))?.displayName).toBe('Priya Shah');
  }, 30_000);

  it.each([
    ['a bad role', [...PRIYA.slice(0, 5), '--role', 'headteacher'], '--role "headteacher" is not a role. Choose from: participant, facilitator, coach, coordinator.'],
    ['no role', PRIYA.slice(0, 5), '--role is missing.'],
    ['a bad email', ['create-user', '--email', 'priya', '--name', 'Priya', '--role', 'coach'], '--email: Enter an email address'],
    ['no name', ['create-user', '--email', 'a@b.org', '--role', 'coach'], '--name: Name is missing.'],
    ['an unknown option', [...PRIYA, '--admin'], "Unknown option '--admin'"],
    ['an unknown command', ['delete-everything'], 'Unknown command "delete-everything".'],
  ])('refuses %s with a clear message and the usage', async (_label, args, message) => {
    const run = await admin(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: npm run admin -- create-user');
  }, 30_000);

  it('refuses a short password from stdin', async () => {
    const run = await admin([...PRIYA, '--password-stdin'], 'short\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Use a password of at least 10 characters.');
    expect(await findUser('priya@oakfield.sch.uk')).toBeUndefined();
  }, 30_000);
});
