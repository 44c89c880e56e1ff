import type { SyncTableName } from '../sync/syncTables';
import type { Access, Doc } from './Access';

/** The stored record another hangs off (a comment's target, a reading's measure). */
export interface ParentRecord {
  readonly table: SyncTableName;
  readonly doc: Doc;
  readonly audience: readonly string[];
}

/**
 * How one record table is shared and who may change it. Every synced table has one
 * (recordRules.ts); the authorisation test walks them all. Decisions return null when allowed,
 * otherwise the reason in words the person who tried can act on.
 */
export interface RecordRule {
  /** The record this one hangs off, whose audience it shares; undefined for none. */
  parentOf?(doc: Doc): { table: SyncTableName; id: string } | undefined;
  /** Tokens of who may read the record (with index tokens); `parent` when parentOf names one that exists. */
  audience(doc: Doc, parent: ParentRecord | undefined): string[];
  mayCreate(actor: Access, doc: Doc, parent: ParentRecord | undefined): string | null;
  /** `changed`: the fields whose value this change sets differently from `before`. */
  mayUpdate(actor: Access, before: Doc, after: Doc, changed: ReadonlySet<string>, parent: ParentRecord | undefined): string | null;
  /** Fields fixed at creation (the set a meeting belongs to, a comment's target). */
  readonly fixedFields: readonly string[];
}
