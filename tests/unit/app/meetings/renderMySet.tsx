import { createRepositories, type Repositories } from '../../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
import { MySetPage } from '../../../../src/app/meetings/MySetPage';
import { renderPage } from '../support/renderPage';
import { actingAs, seedSet, signInAs } from './seedSet';

export interface SetDevice {
  readonly db: SetwiseDatabase;
  readonly repositories: Repositories;
}

/** A device signed in as `me`, holding Set A (or no set at all). */
export async function deviceOf(me: string, options: { inSet?: boolean } = {}): Promise<SetDevice> {
  const db = new SetwiseDatabase('t-' + crypto.randomUUID());
  if (options.inSet === false) await signInAs(db, me);
  else await seedSet(db, me);
  return { db, repositories: createRepositories(db) };
}

/** Runs `write` as someone else (e.g. the facilitator writing notes that then sync here). */
export function as<T>(device: SetDevice, userId: string, write: () => Promise<T>): Promise<T> {
  return actingAs(device.db, userId, write);
}

export function renderMySet(device: SetDevice, path = '/set') {
  return renderPage('/set', <MySetPage />, path, device.repositories);
}
