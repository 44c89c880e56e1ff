// Admin command line, for accounts after first-run setup (there is no sign-up page):
//   npm run admin -- create-user --email priya@oakfield.sch.uk --name "Priya Shah" \
//     --role participant [--role facilitator] [--password-stdin]
// Uses the same store as the server (DATA_DIR, or DATABASE_URL for PostgreSQL).
// Without --password-stdin it makes a strong password and prints it once; with it, the
// password is read from standard input so it never appears in the shell history or `ps`.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAccount } from './auth/accounts';
import { displayNameField, emailField, newPasswordField } from './auth/bodies';
import { generatePassword } from './auth/password';
import { ConfigError, loadConfig } from './config';
import { openStore } from './storage/openStore';
import { EmailTakenError, ROLES, type Role } from './storage/Store';

const USAGE = `Usage: npm run admin -- create-user --email EMAIL --name "FULL NAME" --role ROLE [--role ROLE] [--password-stdin]

  --email           the person's email address (how they sign in)
  --name            their name as others in Setwise will see it
  --role            one of: ${ROLES.join(', ')} (repeat for several)
  --password-stdin  read the password from standard input; otherwise one is made and shown once`;

/** A mistake in how the command was typed: exit code 2 and the usage text. */
class UsageError extends Error {}

type CreateUserRequest = { email: string; displayName: string; roles: Role[]; passwordFromStdin: boolean };

function check<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message ?? 'not valid.'}`);
  return parsed.data;
}

function parseCreateUser(args: string[]): CreateUserRequest {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const roles = values.role ?? [];
  if (roles.length === 0) throw new UsageError(`--role is missing. Choose from: ${ROLES.join(', ')}.`);
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`--role "${role}" is not a role. Choose from: ${ROLES.join(', ')}.`);
    }
  }
  return {
    email: check(emailField, values.email, '--email'),
    displayName: check(displayNameField, values.name, '--name'),
    roles: roles as Role[],
    passwordFromStdin: values['password-stdin'],
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) console.error('Type the password, press Enter, then Ctrl+D:');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // `echo secret | ...` and here-strings add one line ending; it is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function createUser(args: string[]): Promise<void> {
  const request = parseCreateUser(args);
  const generated = !request.passwordFromStdin;
  const password = generated ? generatePassword() : check(newPasswordField, await readStdin(), 'Password');

  const config = loadConfig();
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const user = await createAccount(store, { ...request, password });
    console.log(`Created ${user.displayName} <${user.email}> (${user.roles.join(', ')}).`);
    if (generated) {
      console.log(`Password: ${password}`);
      console.log('This is shown only once. Pass it on privately; they can sign in with it straight away.');
    }
  } finally {
    await store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'create-user') {
      await createUser(rest);
      return 0;
    }
    if (command === 'help' || command === '--help') {
      console.log(USAGE);
      return 0;
    }
    if (command === undefined) throw new UsageError('Say what to do, for example create-user.');
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // TypeError with a code: parseArgs refusing an unknown or malformed option.
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof EmailTakenError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The admin command stopped because of an unexpected error:', error);
    process.exit(1);
  },
);
