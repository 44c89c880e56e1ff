import { newId } from '../../../domain/ids';
import { logEntryContentSchema, logEntryInputSchema, type LogEntry, type LogEntryContent } from '../../../domain/logEntry';
import { isLive } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { markDeleted, markRestored } from './tombstones';

export type LogEntryInput = Partial<LogEntryContent> & Pick<LogEntryContent, 'occurredAt' | 'body'>;

/** The leadership log. Entries are private to their owner unless shared one by one. */
export function createLogEntryRepository(db: SetwiseDatabase) {
  return {
    /** Validates (an empty entry is refused) and saves a new entry; optionally clears a draft in the same transaction. */
    async create(input: LogEntryInput, options: { clearDraftKey?: string } = {}): Promise<LogEntry> {
      const content = logEntryInputSchema.parse(input);
      return db.transaction('rw', [db.logEntries, db.outbox, db.meta, db.drafts], async () => {
        const entry = await writeRecordChange<LogEntry>(db, {
          table: 'logEntries',
          recordId: newId(),
          fields: content,
          create: true,
        });
        if (options.clearDraftKey) await db.drafts.delete(options.clearDraftKey);
        return entry;
      });
    },

    /** Saves the changed fields only, so an edit on another device to other fields survives the merge. */
    async update(id: string, changes: Partial<LogEntryContent>): Promise<LogEntry> {
      const current = await db.logEntries.get(id);
      if (!current) throw new Error('This entry no longer exists on this device.');
      const candidate = logEntryInputSchema.parse({ ...pickContent(current), ...changes });
      const fields = changedFields(pickContent(current), candidate, Object.keys(changes));
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<LogEntry>(db, { table: 'logEntries', recordId: id, fields });
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

    /** Newest first. */
    async list(): Promise<LogEntry[]> {
      const entries = await db.logEntries.orderBy('occurredAt').reverse().toArray();
      return entries.filter(isLive);
    },

    async listByTag(tag: string): Promise<LogEntry[]> {
      const entries = await db.logEntries.where('tags').equals(tag).toArray();
      return entries.filter(isLive).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    },

    async count(): Promise<number> {
      return db.logEntries.filter(isLive).count();
    },
  };
}
export type LogEntryRepository = ReturnType<typeof createLogEntryRepository>;

function pickContent(entry: LogEntry): LogEntryContent {
  return logEntryContentSchema.parse(entry);
}

