import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../../src/app/db/createRepositories';
import { SetwiseDatabase } from '../../../src/app/db/SetwiseDatabase';

let name: string;
let db: SetwiseDatabase;
let repos: Repositories;

beforeEach(() => {
  name = 'test-' + crypto.randomUUID();
  db = new SetwiseDatabase(name);
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

/** Close the database and open it again by name, as a reload or a restarted tablet would. */
function reopen(): void {
  db.close();
  db = new SetwiseDatabase(name);
  repos = createRepositories(db);
}

describe('drafts', () => {
  it('put, get and remove a draft', async () => {
    expect(await repos.drafts.get('new-entry')).toBeUndefined();
    await repos.drafts.put('new-entry', { body: 'Half a thought', tags: ['walks'] });
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'Half a thought', tags: ['walks'] });
    await repos.drafts.remove('new-entry');
    expect(await repos.drafts.get('new-entry')).toBeUndefined();
  });

  it('a later put replaces the draft', async () => {
    await repos.drafts.put('new-entry', { body: 'a' });
    await repos.drafts.put('new-entry', { body: 'ab' });
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'ab' });
    expect(await db.drafts.count()).toBe(1);
  });

  it('a draft survives closing and reopening the database', async () => {
    await repos.drafts.put('new-entry', { body: 'Typed before the tablet slept' });
    await repos.drafts.put('challenge', { focus: 'Managing change' });
    reopen();
    expect(await repos.drafts.get('new-entry')).toEqual({ body: 'Typed before the tablet slept' });
    expect(await repos.drafts.get('challenge')).toEqual({ focus: 'Managing change' });
  });

  it('a removed draft stays removed after reopening', async () => {
    await repos.drafts.put('new-entry', { body: 'x' });
    await repos.drafts.remove('new-entry');
    reopen();
    expect(await repos.drafts.get('new-entry')).toBeUndefined();
  });

  it('drafts are device-only: writing one adds no pending change', async () => {
    await repos.drafts.put('new-entry', { body: 'x' });
    expect(await repos.device.pendingChangeCount()).toBe(0);
  });

  it('records and the clock survive reopening too: the next stamp is still later', async () => {
    const entry = await repos.logEntries.create({ occurredAt: '2026-05-14T09:30:00.000Z', body: 'x' });
    reopen();
    const updated = await repos.logEntries.update(entry.id, { body: 'y' });
    expect(updated.clocks.body! > entry.clocks.body!).toBe(true);
    expect((await db.meta.get('deviceId'))?.value).toBe(updated.clocks.body!.split(':')[2]);
  });
});
