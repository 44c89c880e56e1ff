import {
  BACKUP_ERRORS,
  FILE_ONLY_TABLES,
  parseBackupFile,
  RESTORED_TABLES,
  type BackupFile,
  type BackupPhoto,
  type BackupRecord,
} from '../../../domain/backup/backupFile';
import { canonicalJson } from '../../../domain/canonicalJson';
import { compareHlc, formatHlc, HLC_ZERO, parseHlc, receiveHlc } from '../../../domain/hlc';
import { newId } from '../../../domain/ids';
import { mergeRecord } from '../../../domain/mergeRecord';
import type { OwnWritingTable } from '../../../domain/sync/ownWritingTables';
import { SYNC_TABLE_SCHEMAS } from '../../../domain/sync/syncTables';
import { isLive, LOCAL_OWNER, type SyncedRecord } from '../../../domain/syncedRecord';
import { getDeviceId, getOwner } from '../deviceClock';
import { photoBlobRow } from '../photoBlobRow';
import { wholeRecordChange } from '../wholeRecordChange';
import type { OutboxRow, PhotoBlobRow } from '../rows';
import type { SetwiseDatabase } from '../SetwiseDatabase';

/** A file that cannot be restored, with the sentence to show (BACKUP_ERRORS). */
export class BackupReadError extends Error {
  override name = 'BackupReadError';
  constructor(
    message: string,
    /** What exactly is wrong, for a bug report; not for the person. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** What a backup holds, for the person to check before restoring it. */
export interface BackupSummary {
  readonly person: { readonly userId: string; readonly displayName: string | undefined };
  readonly exportedAt: string;
  readonly version: number;
  /** Live records of each table that will be restored. */
  readonly counts: Readonly<Record<OwnWritingTable, number>>;
  /** Every record that will be restored: the live ones and `deleted` ones (history, restored as deleted). */
  readonly items: number;
  readonly deleted: number;
  /** Photos whose bytes are in the file. */
  readonly photosWithBytes: number;
  /** Records in the file that cannot be restored (damaged, or not the person's own). */
  readonly unreadable: number;
  /** Rounds, actions and coaching notes: in the file to read, not restored (they belong to the set or the coaching). */
  readonly readOnly: number;
}

/** A backup read and checked, ready to restore. */
export interface LoadedBackup {
  readonly summary: BackupSummary;
  readonly file: BackupFile;
  /** The records that will be restored, by table, exactly as in the file. */
  readonly records: ReadonlyMap<OwnWritingTable, readonly BackupRecord[]>;
}

export interface RestoreResult {
  /** Records that were not on this device. */
  readonly added: number;
  /** Records merged into the copy here (field by field: a newer edit here is kept). */
  readonly updated: number;
  /** Records already here as the backup has them. */
  readonly unchanged: number;
  /** Records with the same id as someone else's record on this device: left alone. */
  readonly skipped: number;
  /** Photo bytes newly stored on this device. */
  readonly photosStored: number;
  /** Photos whose bytes are neither on this device nor (intact) in the file. */
  readonly photosMissing: number;
}

/** Records per transaction: a year's journal restores in a few short transactions, not one long one. */
const CHUNK = 500;
/** The device clock's meta key (deviceClock.ts; the sync engine watches it to sync after writes). */
const LAST_HLC_KEY = 'lastHlc';

function emptyCounts(): Record<OwnWritingTable, number> {
  return Object.fromEntries(RESTORED_TABLES.map((table) => [table, 0])) as Record<OwnWritingTable, number>;
}

/** The records of `table` in the file, as the device stores them (a photo without its bytes). */
function fileRecords(file: BackupFile, table: OwnWritingTable): BackupRecord[] {
  if (table !== 'photos') return file[table];
  return file.photos.map(({ dataUrl: _bytes, ...photo }) => photo);
}

/** A backup file's checked contents: which records restore, and the counts to show. */
export function loadBackup(file: BackupFile): LoadedBackup {
  const counts = emptyCounts();
  const records = new Map<OwnWritingTable, BackupRecord[]>();
  const owners = new Set([file.person.userId, LOCAL_OWNER]);
  let deleted = 0;
  let unreadable = 0;
  for (const table of RESTORED_TABLES) {
    const valid: BackupRecord[] = [];
    for (const record of fileRecords(file, table)) {
      // Each record must be a valid record of its table and the person's own: restoring makes it
      // the current account's, so nobody else's record can be claimed through a backup.
      if (!owners.has(record.owner) || !SYNC_TABLE_SCHEMAS[table].safeParse(record).success) {
        unreadable += 1;
        continue;
      }
      valid.push(record);
      if (isLive(record)) counts[table] += 1;
      else deleted += 1;
    }
    records.set(table, valid);
  }
  const restoredPhotos = new Set((records.get('photos') ?? []).map((photo) => photo.id));
  const photosWithBytes = file.photos.filter((photo) => restoredPhotos.has(photo.id) && photo.dataUrl).length;
  return {
    file,
    records,
    summary: {
      person: { userId: file.person.userId, displayName: file.person.displayName },
      exportedAt: file.exportedAt,
      version: file.version,
      counts,
      items: [...records.values()].reduce((sum, list) => sum + list.length, 0),
      deleted,
      photosWithBytes,
      unreadable,
      readOnly: FILE_ONLY_TABLES.reduce((sum, table) => sum + file[table].length, 0),
    },
  };
}

/** `data:<type>;base64,<bytes>` → the bytes and type; null when it is not such a URL. */
export function decodeDataUrl(url: string): { bytes: Uint8Array<ArrayBuffer>; mimeType: string } | null {
  const comma = url.indexOf(',');
  const header = /^data:([^;,]*)((?:;[^;,]*)*)$/.exec(url.slice(0, comma));
  if (comma < 0 || !header) return null;
  const payload = url.slice(comma + 1);
  try {
    if (!(header[2] ?? '').split(';').includes('base64')) return { bytes: new TextEncoder().encode(decodeURIComponent(payload)) as Uint8Array<ArrayBuffer>, mimeType: header[1] ?? '' };
    const binary = atob(payload);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return { bytes, mimeType: header[1] ?? '' };
  } catch {
    return null;
  }
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Outbox rows holding each whole record (every stamped field with its own stamp), replacing
 * the records' unsent rows, as enqueueWholeRecords does; the long-text bases of the replaced
 * rows are kept, so an edit here still counts as concurrent with one elsewhere. One read and
 * two bulk writes for the lot: per-record requests made restoring a year take many seconds.
 * Must run in a transaction over the outbox.
 */
async function queueWholeRecords(db: SetwiseDatabase, table: OwnWritingTable, records: readonly SyncedRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const unsentByRecord = new Map<string, OutboxRow[]>();
  const existing = await db.outbox.where('recordId').anyOf(records.map((record) => record.id)).toArray();
  for (const row of existing.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    if (row.pushStartedAt || row.table !== table) continue;
    unsentByRecord.set(row.recordId, [...(unsentByRecord.get(row.recordId) ?? []), row]);
  }
  const replaced: number[] = [];
  const rows: OutboxRow[] = [];
  for (const record of records) {
    const change = wholeRecordChange(record);
    if (!change) continue;
    const unsent = unsentByRecord.get(record.id) ?? [];
    const bases: Record<string, string> = {};
    for (const row of unsent) for (const [field, base] of Object.entries(row.bases ?? {})) if (!(field in bases)) bases[field] = base;
    replaced.push(...unsent.map((row) => row.seq as number));
    const row: OutboxRow = { mutationId: newId(), table, recordId: record.id, ...change, createdAt: now.toISOString() };
    rows.push(Object.keys(bases).length > 0 ? { ...row, bases } : row);
  }
  await db.outbox.bulkDelete(replaced);
  await db.outbox.bulkAdd(rows);
}

function latestStamp(record: SyncedRecord, latest: string): string {
  for (const stamp of Object.values(record.clocks)) if (compareHlc(stamp, latest) > 0) latest = stamp;
  return latest;
}

/**
 * Restoring a backup ("Download everything I wrote") into this device: a fresh install, or a
 * new account (like adoptSignedOutRecords, every restored record becomes the current owner's).
 * Each record is merged with any copy already here by the domain's mergeRecord, so restoring
 * twice changes nothing and a newer edit made here is never lost; whatever changed is queued
 * for sync in full. Photo bytes are checked against their SHA-256 before they are kept.
 */
export function createRestoreRepository(db: SetwiseDatabase) {
  return {
    /** Reads and checks a chosen file; throws BackupReadError with the sentence to show. */
    async readBackup(file: Blob): Promise<LoadedBackup> {
      let text: string;
      try {
        text = await file.text();
      } catch {
        throw new BackupReadError('This file could not be read. Choose it again.');
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new BackupReadError(BACKUP_ERRORS.notABackup);
      }
      const parsed = parseBackupFile(json);
      if (!parsed.ok) throw new BackupReadError(parsed.message, parsed.detail);
      return loadBackup(parsed.file);
    },

    /** Writes everything the backup holds into this device (see above). */
    async restore(backup: LoadedBackup, now = new Date()): Promise<RestoreResult> {
      const me = await getOwner(db);

      // Photo bytes first, hashed outside any transaction (IndexedDB cannot wait on WebCrypto).
      const restoredPhotos = new Set((backup.records.get('photos') ?? []).map((record) => record.id));
      const photos: BackupPhoto[] = backup.file.photos.filter((photo) => restoredPhotos.has(photo.id));
      const wanted = new Set(photos.map((photo) => photo.sha256));
      const bytes = new Map<string, PhotoBlobRow>();
      for (const photo of photos) {
        if (bytes.has(photo.sha256) || !photo.dataUrl) continue;
        const decoded = decodeDataUrl(photo.dataUrl);
        if (!decoded || (await sha256Hex(decoded.bytes)) !== photo.sha256) continue;
        const mimeType = decoded.mimeType || (typeof photo.mimeType === 'string' ? photo.mimeType : '');
        bytes.set(photo.sha256, photoBlobRow(photo.sha256, new Uint8Array(decoded.bytes).buffer, mimeType));
      }
      let photosStored = 0;
      let photosMissing = 0;
      await db.transaction('rw', db.photoBlobs, db.blobUploads, async () => {
        for (const sha256 of wanted) {
          if (await db.photoBlobs.get(sha256)) continue;
          const row = bytes.get(sha256);
          if (!row) {
            photosMissing += 1;
            continue;
          }
          await db.photoBlobs.put(row);
          await db.blobUploads.put({ sha256, queuedAt: now.toISOString() });
          photosStored += 1;
        }
      });

      let added = 0;
      let updated = 0;
      let unchanged = 0;
      let skipped = 0;
      let latest = '';
      for (const table of RESTORED_TABLES) {
        const records = backup.records.get(table) ?? [];
        const store = db.table<SyncedRecord, string>(table);
        for (let start = 0; start < records.length; start += CHUNK) {
          const chunk = records.slice(start, start + CHUNK);
          await db.transaction('rw', [store, db.outbox], async () => {
            const here = await store.bulkGet(chunk.map((record) => record.id));
            const changed: SyncedRecord[] = [];
            for (const [index, record] of chunk.entries()) {
              const current = here[index];
              if (current && current.owner !== me && current.owner !== LOCAL_OWNER) {
                skipped += 1;
                continue;
              }
              const incoming = { ...record, owner: me } as SyncedRecord;
              const next = current ? { ...mergeRecord(current, incoming), owner: me } : incoming;
              if (current && canonicalJson(current) === canonicalJson(next)) {
                unchanged += 1;
                continue;
              }
              changed.push(next);
              latest = latestStamp(next, latest);
              if (current) updated += 1;
              else added += 1;
            }
            await store.bulkPut(changed);
            await queueWholeRecords(db, table, changed, now);
          });
        }
      }

      // The device clock moves past every restored stamp: edits made here from now on sort
      // after them, and the sync engine (which watches the clock) sends them soon.
      if (latest) {
        await db.transaction('rw', db.meta, async () => {
          const row = await db.meta.get(LAST_HLC_KEY);
          const last = typeof row?.value === 'string' ? row.value : '';
          if (compareHlc(latest, last) <= 0) return;
          const node = await getDeviceId(db);
          const next = receiveHlc(last ? parseHlc(last) : HLC_ZERO, parseHlc(latest), 0, node);
          await db.meta.put({ key: LAST_HLC_KEY, value: formatHlc(next) });
        });
      }
      return { added, updated, unchanged, skipped, photosStored, photosMissing };
    },
  };
}
export type RestoreRepository = ReturnType<typeof createRestoreRepository>;
