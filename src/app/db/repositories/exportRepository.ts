import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../domain/backup/backupFile';
import { toIsoDate } from '../../../domain/dates';
import type { Photo } from '../../../domain/photo';
import type { Meeting } from '../../../domain/sets/meeting';
import { isActiveMembership } from '../../../domain/sets/membership';
import { OWN_WRITING_TABLES, type OwnWritingTable } from '../../../domain/sync/ownWritingTables';
import { isLive, type SyncedRecord } from '../../../domain/syncedRecord';
import { getOwner } from '../deviceClock';
import type { PhotoBlobRow } from '../rows';
import { photoBlobOf } from '../photoBlobRow';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { ownWritingFilter } from './ownWriting';

/** The first field of every export file, so a reader knows what it holds (src/domain/backup/backupFile.ts). */
export const EXPORT_FORMAT = BACKUP_FORMAT;
export const EXPORT_VERSION = BACKUP_VERSION;

/** How many of the person's own live items an export would hold, for the words in Settings. */
export interface ExportSummary {
  readonly userId: string;
  /** The name the person's memberships give them, when this device holds one. */
  readonly displayName: string | undefined;
  readonly entries: number;
  readonly challenges: number;
  readonly trials: number;
  readonly measures: number;
  readonly photos: number;
}

/** Where and when a round or action's meeting was held, copied in when the device holds it. */
export interface ExportedMeetingFacts {
  readonly id: string;
  readonly heldOn: string;
  readonly place: string;
}

type Stored = { id: string; createdAt: string; deletedAt?: string | null };

const byCreatedAt = (a: Stored, b: Stored) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

function liveSorted<T extends Stored>(rows: T[]): T[] {
  return rows.filter(isLive).sort(byCreatedAt);
}

function sorted<T extends Stored>(rows: T[]): T[] {
  return [...rows].sort(byCreatedAt);
}

/** Bytes per base64 piece: a multiple of 3, so the pieces join into one valid base64 text. */
const BASE64_PIECE_BYTES = 3 * 8192;

/** A photo's bytes as a data: URL, in pieces (never one giant string). */
async function photoDataUrl(row: PhotoBlobRow, fallbackType: string): Promise<Blob> {
  const bytes = new Uint8Array(await photoBlobOf(row).arrayBuffer());
  const pieces: string[] = [`data:${row.mimeType || fallbackType || 'application/octet-stream'};base64,`];
  for (let start = 0; start < bytes.length; start += BASE64_PIECE_BYTES) {
    const piece = bytes.subarray(start, start + BASE64_PIECE_BYTES);
    let binary = '';
    for (let i = 0; i < piece.length; i += 1024) binary += String.fromCharCode(...piece.subarray(i, i + 1024));
    pieces.push(btoa(binary));
  }
  return new Blob(pieces);
}

/**
 * "Download everything I wrote": the person's full backup, one JSON file (format
 * 'setwise-export', version 2: src/domain/backup/backupFile.ts) they keep, say on leaving the
 * programme, and can restore into a fresh install or a new account (restoreRepository.ts).
 * Reads only the device, so it works offline. Every own-writing table (journal, challenge and
 * its revisions, trials, measures, readings, photos, comments, diagnostics, posters) with every
 * record exactly as stored — ids, clocks, conflicts, and deleted records too, since a backup
 * keeps history — oldest first; a photo carries `dataUrl`, its bytes (or null when they are not
 * on this device). For reading only (they belong to the set, or to the coach and participant
 * together), their live rounds and actions from set meetings, each with `meeting` (its
 * meeting's date and place, or null), and their coaching notes.
 */
export function createExportRepository(db: SetwiseDatabase) {
  async function displayNameOf(userId: string): Promise<string | undefined> {
    const memberships = (await db.memberships.where('userId').equals(userId).toArray()).filter(isLive);
    return (memberships.find(isActiveMembership) ?? memberships[0])?.displayName;
  }

  /** Own live records: written by this account, or on this device before the first sign-in. */
  async function ownLive(): Promise<(record: { owner: string; deletedAt?: string | null }) => boolean> {
    const mine = await ownWritingFilter(db);
    return (record) => isLive(record) && mine(record);
  }

  /** Everything that goes in the file, read in one transaction so it is one moment's copy. */
  async function gather() {
    return db.transaction(
      'r',
      [
        db.meta,
        db.memberships,
        ...OWN_WRITING_TABLES.map((table) => db.table(table)),
        db.photoBlobs,
        db.coachingSessions,
        db.meetings,
        db.meetingRounds,
        db.meetingActions,
      ],
      async () => {
        const me = await getOwner(db);
        const mine = await ownWritingFilter(db);
        const own = new Map<OwnWritingTable, SyncedRecord[]>();
        for (const table of OWN_WRITING_TABLES) {
          own.set(table, sorted((await db.table(table).filter(mine).toArray()) as SyncedRecord[]));
        }
        const [asCoach, asParticipant, rounds, actions] = await Promise.all([
          db.coachingSessions.where('coachId').equals(me).toArray(),
          db.coachingSessions.where('participantId').equals(me).toArray(),
          db.meetingRounds.where('presenterId').equals(me).toArray(),
          db.meetingActions.where('assigneeId').equals(me).toArray(),
        ]);
        const coachingSessions = [...new Map([...asCoach, ...asParticipant].map((s) => [s.id, s])).values()];
        const liveRounds = liveSorted(rounds);
        const liveActions = liveSorted(actions);
        const meetingIds = [...new Set([...liveRounds, ...liveActions].map((r) => r.meetingId))];
        const meetings = new Map<string, Meeting>();
        for (const meeting of await db.meetings.bulkGet(meetingIds)) {
          if (meeting && isLive(meeting)) meetings.set(meeting.id, meeting);
        }
        const photos = (own.get('photos') ?? []) as Photo[];
        const blobRows = await db.photoBlobs.bulkGet([...new Set(photos.map((p) => p.sha256))]);
        const blobs = new Map(blobRows.flatMap((row) => (row ? [[row.sha256, row] as const] : [])));
        return {
          person: { userId: me, displayName: await displayNameOf(me) },
          own,
          photos,
          blobs,
          coachingSessions: liveSorted(coachingSessions),
          meetingRounds: liveRounds,
          meetingActions: liveActions,
          meetings,
        };
      },
    );
  }

  return {
    /** Counts of the person's own live writing (live query friendly). */
    async summary(): Promise<ExportSummary> {
      const me = await getOwner(db);
      const own = await ownLive();
      const [entries, challenges, trials, measures, photos, displayName] = await Promise.all([
        db.logEntries.filter(own).count(),
        db.challenges.filter(own).count(),
        db.trials.filter(own).count(),
        db.measures.filter(own).count(),
        db.photos.filter(own).count(),
        displayNameOf(me),
      ]);
      return { userId: me, displayName, entries, challenges, trials, measures, photos };
    },

    /** The export file (application/json), built from parts so photos never make one giant string. */
    async buildExport(now: Date): Promise<Blob> {
      const data = await gather();
      const withMeeting = <T extends { meetingId: string }>(record: T) => {
        const meeting = data.meetings.get(record.meetingId);
        const facts: ExportedMeetingFacts | null = meeting ? { id: meeting.id, heldOn: meeting.heldOn, place: meeting.place } : null;
        return { ...record, meeting: facts };
      };
      const person = data.person.displayName === undefined ? { userId: data.person.userId } : data.person;
      const parts: BlobPart[] = [
        `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},` +
          `"person":${JSON.stringify(person)}`,
      ];
      const addArray = (name: string, records: readonly unknown[]) => {
        parts.push(`,\n${JSON.stringify(name)}:[`);
        records.forEach((record, index) => parts.push(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`));
        parts.push(']');
      };
      for (const table of OWN_WRITING_TABLES) {
        if (table !== 'photos') {
          addArray(table, data.own.get(table) ?? []);
          continue;
        }
        parts.push(',\n"photos":[');
        for (const [index, photo] of data.photos.entries()) {
          parts.push(index === 0 ? '\n' : ',\n');
          await pushPhoto(parts, photo, data.blobs.get(photo.sha256));
        }
        parts.push(']');
      }
      addArray('coachingSessions', data.coachingSessions);
      addArray('meetingRounds', data.meetingRounds.map(withMeeting));
      addArray('meetingActions', data.meetingActions.map(withMeeting));
      parts.push('\n}\n');
      return new Blob(parts, { type: 'application/json' });
    },
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;

/** One photo record with `dataUrl` last: the record's JSON, then its bytes' base64 pieces. */
async function pushPhoto(parts: BlobPart[], photo: Photo, row: PhotoBlobRow | undefined): Promise<void> {
  // Bytes missing (not yet downloaded to this device) or unreadable: the writing still exports.
  const dataUrl = row ? await photoDataUrl(row, photo.mimeType).catch(() => null) : null;
  if (!dataUrl) {
    parts.push(JSON.stringify({ ...photo, dataUrl: null }));
    return;
  }
  const json = JSON.stringify(photo);
  // A record always has fields, so its JSON ends in "}" after at least one member.
  parts.push(`${json.slice(0, -1)},"dataUrl":"`, dataUrl, '"}');
}

/** "setwise-priya-shah-2026-11-23.json": ASCII, lower case, hyphens; the date is the device's. */
export function exportFileName(now: Date, displayName?: string | null): string {
  const name = (displayName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `setwise-${name ? `${name}-` : ''}${toIsoDate(now)}.json`;
}
