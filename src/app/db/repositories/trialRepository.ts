import { newId } from '../../../domain/ids';
import type { TrialStatus } from '../../../domain/programme';
import {
  allowedNextStatuses,
  strategyTrialSchema,
  trialPlanSchema,
  trialReviewSchema,
  type StrategyTrial,
  type TrialPlan,
  type TrialReview,
} from '../../../domain/strategyTrial';
import { isLive, type Visibility } from '../../../domain/syncedRecord';
import type { SetwiseDatabase } from '../SetwiseDatabase';
import { ownWritingFilter } from './ownWriting';
import { writeRecordChange } from '../writeRecordChange';
import { changedFields } from './changedFields';
import { setRecordVisibility } from './recordVisibility';
import { markDeleted, markRestored } from './tombstones';

/** Strategy trials, each run as a learning cycle: plan → do → evidence → learning → next step. */
export function createTrialRepository(db: SetwiseDatabase) {
  async function getLive(id: string): Promise<StrategyTrial> {
    const trial = await db.trials.get(id);
    if (!trial || !isLive(trial)) throw new Error('This trial no longer exists on this device.');
    return trial;
  }

  return {
    async create(input: Partial<TrialPlan>): Promise<StrategyTrial> {
      const plan = trialPlanSchema.parse(input);
      return writeRecordChange<StrategyTrial>(db, {
        table: 'trials',
        recordId: newId(),
        fields: { ...plan, status: 'planned', review: trialReviewSchema.parse({}) },
        create: true,
      });
    },

    async updatePlan(id: string, input: Partial<TrialPlan>): Promise<StrategyTrial> {
      const current = await getLive(id);
      const before = trialPlanSchema.parse(current);
      const plan = trialPlanSchema.parse({ ...before, ...input });
      const fields = changedFields(before, plan, Object.keys(plan));
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<StrategyTrial>(db, { table: 'trials', recordId: id, fields });
    },

    /** Moves the trial along its cycle; refuses a jump the cycle does not allow. */
    async setStatus(id: string, status: TrialStatus): Promise<StrategyTrial> {
      const current = await getLive(id);
      if (current.status === status) return current;
      if (!allowedNextStatuses(current.status).includes(status)) {
        throw new Error(`A trial that is ${current.status.replace('_', ' ')} cannot move to ${status.replace('_', ' ')}.`);
      }
      return writeRecordChange<StrategyTrial>(db, { table: 'trials', recordId: id, fields: { status } });
    },

    /** Saves the review; choosing a next step completes the cycle (status done). */
    async saveReview(id: string, input: Partial<TrialReview>): Promise<StrategyTrial> {
      const current = await getLive(id);
      const before = trialReviewSchema.parse(current.review ?? {});
      const review = trialReviewSchema.parse({ ...before, ...input });
      // Like every other save, write only what changed: re-stamping an unchanged review would
      // override an edit to it made meanwhile on another device.
      const fields = changedFields({ review: before }, { review }, ['review']);
      if (review.nextStep && current.status !== 'done') fields.status = 'done';
      else if (current.status === 'planned' || current.status === 'under_way') fields.status = 'reviewing';
      if (Object.keys(fields).length === 0) return current;
      return writeRecordChange<StrategyTrial>(db, { table: 'trials', recordId: id, fields });
    },

    async setVisibility(id: string, visibility: Visibility): Promise<StrategyTrial> {
      return setRecordVisibility<StrategyTrial>(db, 'trials', id, visibility, 'This trial no longer exists on this device.');
    },

    async remove(id: string): Promise<void> {
      await markDeleted(db, 'trials', id);
    },

    async restore(id: string): Promise<void> {
      await markRestored(db, 'trials', id);
    },

    async get(id: string): Promise<StrategyTrial | undefined> {
      const trial = await db.trials.get(id);
      return trial && isLive(trial) ? strategyTrialSchema.parse(trial) : undefined;
    },

    /** Most recently started first; trials with no start date after the rest. */
    async list(): Promise<StrategyTrial[]> {
      const mine = await ownWritingFilter(db);
      const trials = (await db.trials.toArray()).filter((trial) => isLive(trial) && mine(trial));
      return trials.sort(
        (a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.createdAt.localeCompare(a.createdAt),
      );
    },
  };
}
export type TrialRepository = ReturnType<typeof createTrialRepository>;
