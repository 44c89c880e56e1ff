// Creating accounts, shared by first-run setup and the admin command line.
import { randomUUID } from 'node:crypto';
import { EmailTakenError, type Role, type Store, type User } from '../storage/Store';
import { hashPassword } from './password';

export type NewAccount = {
  /** Already trimmed and lower-cased (see bodies.ts emailField). */
  email: string;
  displayName: string;
  roles: readonly Role[];
  password: string;
};

/** Creates the account; throws the store's EmailTakenError when the email is in use. */
export async function createAccount(store: Store, account: NewAccount): Promise<User> {
  // Checked first so a duplicate is refused without spending a password hash on it; the
  // store's unique index still catches two creations racing each other.
  if (await store.findUserByEmail(account.email)) throw new EmailTakenError(account.email);
  return store.createUser({
    id: randomUUID(),
    email: account.email,
    displayName: account.displayName,
    roles: [...new Set(account.roles)],
    passwordHash: await hashPassword(account.password),
  });
}
