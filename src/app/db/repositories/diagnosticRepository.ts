import { isoDateSchema } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import {
  diagnosticContentSchema,
  diagnosticSchema,
  QUALITY_IDS,
  qualityRatingSchema,
  type Diagnostic,
  type QualityId,
  type QualityRating,
} from '../../../domain/review/diagnostic';
import { isLive, VISIBILITIES, type Visibility } from '../../../domain/syncedRecord';
import { z } from 'zod';
import { getOwner } from '../deviceClock';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { writeRecordChange } from '../writeRecordChange';
import { ownWritingFilter } from './ownWriting';
import { markDeleted, markRestored } from './tombstones';

const MISSING = 'This sitting of the diagnostic is no longer on this device.';
const qualityIdSchema = z.enum(QUALITY_IDS);

/**
 * The leadership diagnostic: the person rates themselves on each quality (1–5, with a note),
 * at the start of the year and again later, each sitting a record of its own so the two can be
 * compared. Ratings are one field: a change to one quality is merged into the stored ratings in
 * the same transaction as the write, so quick changes to two qualities never undo each other.
 */
export function createDiagnosticRepository(db: SetwiseDatabase) {
  /** Reads the sitting, changes one quality's rating, writes `ratings` alone — atomically. */
  async function changeQuality(id: string, qualityId: QualityId, change: Partial<QualityRating>): Promise<Diagnostic> {
    const quality = qualityIdSchema.parse(qualityId);
    return db.transaction('rw', [db.diagnostics, db.outbox, db.meta], async () => {
      const current = await db.diagnostics.get(id);
      if (!current || !isLive(current)) throw new Error(MISSING);
      const ratings = diagnosticContentSchema.shape.ratings.parse(current.ratings ?? {});
      const before = qualityRatingSchema.parse(ratings[quality] ?? {});
      const after = qualityRatingSchema.parse({ ...before, ...change });
      if (JSON.stringify(before) === JSON.stringify(after) && ratings[quality]) return current;
      return writeRecordChange<Diagnostic>(db, {
        table: 'diagnostics',
        recordId: id,
        fields: { ratings: { ...ratings, [quality]: after } },
      });
    });
  }

  return {
    /** A new sitting with nothing rated yet. */
    async start(label: string, takenOn: string): Promise<Diagnostic> {
      const content = diagnosticContentSchema.parse({ label, takenOn: isoDateSchema.parse(takenOn), ratings: {} });
      return writeRecordChange<Diagnostic>(db, { table: 'diagnostics', recordId: newId(), fields: content, create: true });
    },

    /** Rates one quality 1–5 (null clears the rating); the note stays as it is. */
    rate(id: string, qualityId: QualityId, score: number | null): Promise<Diagnostic> {
      return changeQuality(id, qualityId, { score });
    },

    /** The note on one quality; the rating stays as it is. */
    note(id: string, qualityId: QualityId, text: string): Promise<Diagnostic> {
      return changeQuality(id, qualityId, { note: text });
    },

    async setVisibility(id: string, visibility: Visibility): Promise<Diagnostic> {
      const chosen = z.enum(VISIBILITIES).parse(visibility);
      return db.transaction('rw', [db.diagnostics, db.outbox, db.meta], async () => {
        const current = await db.diagnostics.get(id);
        if (!current || !isLive(current)) throw new Error(MISSING);
        if (current.owner !== (await getOwner(db))) throw new Error('This belongs to someone else: only its author can change who sees it.');
        if (current.visibility === chosen) return current;
        return writeRecordChange<Diagnostic>(db, { table: 'diagnostics', recordId: id, fields: { visibility: chosen } });
      });
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'diagnostics', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'diagnostics', id);
    },

    async get(id: string): Promise<Diagnostic | undefined> {
      const sitting = await db.diagnostics.get(id);
      return sitting && isLive(sitting) ? diagnosticSchema.parse(sitting) : undefined;
    },

    /** The person's own sittings, oldest first. */
    list(): Promise<Diagnostic[]> {
      // Both reads are Dexie's, so a live query over this keeps updating.
      return Promise.all([ownWritingFilter(db), db.diagnostics.orderBy('takenOn').toArray()]).then(([mine, sittings]) =>
        sittings
          .filter((sitting) => isLive(sitting) && mine(sitting))
          .sort((a, b) => a.takenOn.localeCompare(b.takenOn) || a.createdAt.localeCompare(b.createdAt))
          .map((sitting) => diagnosticSchema.parse(sitting)),
      );
    },
  };
}
export type DiagnosticRepository = ReturnType<typeof createDiagnosticRepository>;
