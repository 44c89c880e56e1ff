// Size entry (never run): what a Setwise device needs to keep records and sync them — the
// database, the one write path (writeRecordChange: record + outbox), the device id, push,
// pull and the sync API client. The screens, repositories and search are left out, as the
// peers' own UI-free libraries are measured.
export { getDeviceId } from '../../../../src/app/db/deviceClock';
export { SetwiseDatabase } from '../../../../src/app/db/SetwiseDatabase';
export { writeRecordChange } from '../../../../src/app/db/writeRecordChange';
export { createSyncApi } from '../../../../src/app/sync/createSyncApi';
export { pullRemoteChanges } from '../../../../src/app/sync/pullRemoteChanges';
export { pushPendingChanges } from '../../../../src/app/sync/pushPendingChanges';
