import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountApi } from '../../../src/app/account/accountApi';
import { createAppServices } from '../../../src/app/account/createAppServices';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1, SCHEMA_V2 } from '../../../src/app/db/schemaVersions';
import { useAppNoticeStore } from '../../../src/app/state/appNoticeStore';

const offlineApi: AccountApi = {
  session: async () => null,
  signIn: async () => Promise.reject(new Error('offline')),
  signOut: async () => undefined,
  setupNeeded: async () => false,
  setup: async () => Promise.reject(new Error('offline')),
};

afterEach(async () => {
  useAppNoticeStore.setState({ notice: null });
  await Dexie.delete('setwise');
});

describe('a database upgrade blocked by a tab still running the old version', () => {
  it('tells the person to close the other tab, then carries on once it is closed', async () => {
    // The "old tab": version 2 of the schema, open, and not closing when asked to.
    const oldTab = new Dexie('setwise');
    oldTab.version(1).stores(SCHEMA_V1);
    oldTab.version(2).stores(SCHEMA_V2);
    await oldTab.open();
    oldTab.on('versionchange', () => false);

    const services = createAppServices(null, offlineApi);
    const opening = services.db.open();
    await expect.poll(() => useAppNoticeStore.getState().notice).toBe('upgrade-blocked');

    oldTab.close();
    await opening;
    expect(services.db.verno).toBe(CURRENT_SCHEMA_VERSION);
    await expect.poll(() => useAppNoticeStore.getState().notice).toBeNull();
    services.db.close();
  });
});
