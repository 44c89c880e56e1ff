import { newId } from '../../../domain/ids';
import {
  hasWriting,
  logEntryContentSchema,
  logEntryInputSchema,
  type LogEntry,
  type LogEntryContent,
} from '../../../domain/logEntry';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { ownWritingFilter } from './ownWriting';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { setRecordVisibility } from './recordVisibility';
import { hashPhoto, storePhoto, type PreparedPhoto } from './storePhoto';
import { markDeleted, markRestored } from './tombstones';

export type ConflictChoice = 'keep-current' | 'use-other' | 'keep-both';

/** Both versions, one after the other (per prompt for template answers). */
function keepBoth(current: unknown, other: unknown): unknown {
  const join = (a: unknown, b: unknown) => [a, b].filter((t) => typeof t === 'string' && t.trim() !== '').join('\n\n');
  if (typeof current === 'string' || typeof other === 'string') return current === other ? current : join(current, other);
  const a = (current ?? {}) as Record<string, unknown>;
  const b = (other ?? {}) as Record<string, unknown>;
  return Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((key) => [key, a[key] === b[key] ? a[key] : join(a[key], b[key])]));
}

/** Thrown when an edit would leave an entry with no writing in it. */
export class EmptyEntryError extends Error {}

export type LogEntryInput = Partial<LogEntryContent> & Pick<LogEntryContent, 'occurredAt' | 'body'>;

/** The leadership log. Entries are private to their owner unless shared one by one. */
export function createLogEntryRepository(db: SetwiseDatabase) {
  return {
    /**
     * Validates (an empty entry is refused) and saves a new entry with its photos; the draft
     * it came from is cleared in the same transaction, so a crash leaves either the draft or
     * the saved entry, never both and never neither.
     */
    async create(
      input: LogEntryInput,
      options: { clearDraftKeys?: readonly string[]; photos?: readonly PreparedPhoto[] } = {},
    ): Promise<LogEntry> {
      const content = logEntryInputSchema.parse(input);
      const photos = await Promise.all((options.photos ?? []).map(hashPhoto));
      const tables = [db.logEntries, db.photos, db.photoBlobs, db.blobUploads, db.outbox, db.meta, db.drafts];
      return db.transaction('rw', tables, async () => {
        const entry = await writeRecordChange<LogEntry>(db, {
          table: 'logEntries',
          recordId: newId(),
          fields: content,
          create: true,
        });
        for (const photo of photos) await storePhoto(db, entry.id, photo);
        if (options.clearDraftKeys) await db.drafts.bulkDelete([...options.clearDraftKeys]);
        return entry;
      });
    },

    /**
     * Saves the changed fields only, so an edit on another device to other fields survives the
     * merge. Only the fields being changed are validated: a field written by a newer version of
     * the app (say, a template this version does not know) is left exactly as it is.
     */
    async update(id: string, changes: Partial<LogEntryContent>): Promise<LogEntry> {
      const current = await db.logEntries.get(id);
      if (!current) throw new Error('This entry no longer exists on this device.');
      const keys = Object.keys(changes).filter((key) => key in logEntryContentSchema.shape) as (keyof LogEntryContent)[];
      const mask = Object.fromEntries(keys.map((key) => [key, true])) as { [K in keyof LogEntryContent]?: true };
      const validated = logEntryContentSchema.pick(mask).parse(changes) as Partial<LogEntryContent>;
      const next = { body: current.body, responses: current.responses, ...validated };
      if (!hasWriting(next)) throw new EmptyEntryError('Write something first — an empty entry is not saved.');
      const fields = changedFields(current as Partial<LogEntryContent>, validated, keys);
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<LogEntry>(db, { table: 'logEntries', recordId: id, fields });
    },

    /**
     * "Two versions of this entry — choose or keep both": settles a conflict the server kept
     * when the same writing was edited on two devices at once.
     */
    async resolveConflict(id: string, field: 'body' | 'responses', choice: ConflictChoice): Promise<LogEntry> {
      const current = await db.logEntries.get(id);
      const other = current?.conflicts?.[field];
      if (!current || !other) throw new Error('There is nothing to choose for this entry any more.');
      const { [field]: _settled, ...remaining } = current.conflicts ?? {};
      const fields: Record<string, unknown> = { conflicts: remaining };
      if (choice === 'use-other') fields[field] = other.value;
      if (choice === 'keep-both') fields[field] = keepBoth(current[field], other.value);
      return writeRecordChange<LogEntry>(db, { table: 'logEntries', recordId: id, fields });
    },

    /** Who can see the entry: the one deliberate change of sharing (private by default). */
    async setVisibility(id: string, visibility: Visibility): Promise<LogEntry> {
      return setRecordVisibility<LogEntry>(db, 'logEntries', id, visibility, 'This entry no longer exists on this device.');
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'logEntries', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'logEntries', id);
    },

    async get(id: string): Promise<LogEntry | undefined> {
      const entry = await db.logEntries.get(id);
      return entry && isLive(entry) ? entry : undefined;
    },

    /** This person's own entries (not those shared with them), newest first. */
    async list(): Promise<LogEntry[]> {
      const mine = await ownWritingFilter(db);
      const entries = await db.logEntries.orderBy('occurredAt').reverse().toArray();
      return entries.filter((entry) => isLive(entry) && mine(entry));
    },

    async listByTag(tag: string): Promise<LogEntry[]> {
      const mine = await ownWritingFilter(db);
      const entries = await db.logEntries.where('tags').equals(tag).toArray();
      return entries.filter((entry) => isLive(entry) && mine(entry)).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    },

    async count(): Promise<number> {
      const mine = await ownWritingFilter(db);
      return db.logEntries.filter((entry) => isLive(entry) && mine(entry)).count();
    },
  };
}
export type LogEntryRepository = ReturnType<typeof createLogEntryRepository>;

