import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../../src/app/account/createAppServices';
import { declareSchemaVersions } from '../../../../src/app/db/schemaVersions';
import { useAppNoticeStore } from '../../../../src/app/state/appNoticeStore';
import { createFakeAccountApi } from '../support/fakeAccountApi';
import { resetAccountWorld } from '../support/renderAccountApp';

afterEach(resetAccountWorld);

describe('another connection changing this tab’s database', () => {
  it('closes quietly when the database is deleted (a sign-in adopting it, or a sign-out removing it)', async () => {
    const services = createAppServices(null, createFakeAccountApi());
    await services.db.open();
    await Dexie.delete(services.db.name);
    expect(services.db.isOpen()).toBe(false);
    expect(useAppNoticeStore.getState().notice).toBeNull();
  });

  it('still asks for a reload when a newer version of Setwise upgrades it', async () => {
    const services = createAppServices(null, createFakeAccountApi());
    await services.db.open();
    const newer = new Dexie(services.db.name);
    declareSchemaVersions(newer);
    newer.version(99).stores({ somethingNew: 'id' });
    await newer.open();
    expect(useAppNoticeStore.getState().notice).toBe('updated-elsewhere');
    newer.close();
  });
});
